/** The grading page's keys, always on screen; they work anywhere outside a text field (Escape leaves one). */
export function GradingKeyLegend({ scanned }: { readonly scanned: boolean }) {
  return (
    <section className="grading-keys" aria-labelledby="grading-keys-title" data-testid="grading-keys">
      <h2 id="grading-keys-title">Keys</h2>
      <dl className="key-hints">
        <dt>
          <kbd>1</kbd>–<kbd>9</kbd>, <kbd>0</kbd>
        </dt>
        <dd>apply or take off rubric item 1–9 (0: the tenth)</dd>
        <dt>
          <kbd>Enter</kbd> (<kbd>Ctrl</kbd>+<kbd>Enter</kbd> in a text field)
        </dt>
        <dd>save and go to the next ungraded answer</dd>
        <dt>
          <kbd>s</kbd>
        </dt>
        <dd>save and stay</dd>
        <dt>
          <kbd>n</kbd> / <kbd>j</kbd>, <kbd>p</kbd> / <kbd>k</kbd>
        </dt>
        <dd>next / previous answer (under the filters)</dd>
        <dt>
          <kbd>u</kbd>
        </dt>
        <dd>next ungraded answer</dd>
        <dt>
          <kbd>a</kbd>, <kbd>c</kbd>, <kbd>f</kbd>
        </dt>
        <dd>type an adjustment, a comment, why the answer needs a second look (flag)</dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>leave a text field (back to the answer)</dd>
        {scanned && (
          <>
            <dt>
              <kbd>+</kbd> <kbd>−</kbd> <kbd>r</kbd> <kbd>w</kbd>
            </dt>
            <dd>zoom in, zoom out, rotate, whole page</dd>
          </>
        )}
      </dl>
    </section>
  );
}
