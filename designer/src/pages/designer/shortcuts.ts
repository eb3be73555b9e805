// The designer's keyboard shortcuts, listed once for both the key handler's documentation and the help dialog.

export const shortcuts: [keys: string, action: string][] = [
  ['Tab / Shift+Tab', 'Move between the step list, the canvas steps and the panels'],
  ['Enter or Space (on a step in the list)', 'Add that step to the canvas'],
  ['Enter or Space (on a canvas step)', 'Select the step and show its settings'],
  ['Arrow keys (step selected)', 'Move the selected steps'],
  ['Delete or Backspace', 'Delete the selected steps and connections'],
  ['Ctrl+C / Ctrl+V', 'Copy and paste the selected steps'],
  ['Ctrl+A', 'Select every step'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Y or Ctrl+Shift+Z', 'Redo'],
  ['Ctrl+S', 'Save the draft now'],
  ['Shift+L', 'Tidy the layout'],
  ['Escape', 'Clear the selection'],
  ['?', 'Show this list'],
]
