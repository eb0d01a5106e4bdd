import { MonitorSection } from './monitor-section.js';
import { PaperSection } from './paper-section.js';
import { RosterSection } from './roster-section.js';
import { useSittingTab } from './sitting-layout.js';

/** The sitting's monitor tab: who started, when they last saved, time left. */
export function MonitorTab() {
  const { sitting } = useSittingTab();
  return <MonitorSection sittingId={sitting.id} />;
}

/** The sitting's roster tab (instructors only: it shows access codes). */
export function RosterTab() {
  const { sitting, manages } = useSittingTab();
  if (!manages) return <p>Only the exam’s instructors see the roster and its access codes.</p>;
  return <RosterSection sittingId={sitting.id} title={sitting.title} />;
}

/** The sitting's paper tab: answer sheets and question papers, scans and their reading. */
export function PaperTab() {
  const { sitting, manages } = useSittingTab();
  return <PaperSection sittingId={sitting.id} canUpload={manages} />;
}
