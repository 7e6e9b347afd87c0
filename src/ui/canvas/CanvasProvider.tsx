/** React Flow's provider, for the parts of the editor around the canvas that drive its view. */
export { ReactFlowProvider as CanvasProvider } from '@xyflow/react';
