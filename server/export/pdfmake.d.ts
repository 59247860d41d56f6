// The part of pdfmake 0.3's server API the PDF export uses (the package ships no types).
declare module "pdfmake" {
  export type PdfContent = string | PdfNode | PdfContent[];
  export interface PdfNode {
    [key: string]: unknown;
  }
  export interface PdfFontFamily {
    /** File names in pdfmake's virtual file system. */
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  export interface PdfDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    virtualfs: { writeFileSync(name: string, data: Buffer): void };
    setFonts(fonts: Record<string, PdfFontFamily>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: PdfNode, options?: PdfNode): PdfDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
