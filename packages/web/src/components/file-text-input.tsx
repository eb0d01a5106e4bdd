import { useId, type ChangeEvent } from 'react';

interface FileTextInputProps {
  readonly label: string;
  readonly accept: string;
  readonly onText: (text: string) => void;
  readonly testId: string;
}

/** A file picker that hands over the chosen file's text (for exam.md and roster CSV uploads). */
export function FileTextInput({ label, accept, onText, testId }: FileTextInputProps) {
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) void file.text().then(onText);
  };
  return (
    <div className="field field-file">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" accept={accept} onChange={onChange} data-testid={testId} />
    </div>
  );
}
