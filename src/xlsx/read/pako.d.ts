// pako 1.0 (JSZip's inflater, installed with the jszip dependency) ships no types: the part the pane uses.
declare module "pako/lib/inflate" {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    push(data: Uint8Array, mode?: boolean | number): boolean;
    onData: (chunk: Uint8Array) => void;
    onEnd: (status: number) => void;
    err: number;
    msg: string;
  }
}
