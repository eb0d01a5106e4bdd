/** @examforge/checks: runs executable answer checks in a sandboxed worker. */
export {};
