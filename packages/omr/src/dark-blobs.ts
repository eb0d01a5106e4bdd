/** A connected set of marked pixels (4-connected): its size, centroid and bounding box, in the mask's pixels. */
export interface DarkBlob {
  readonly count: number;
  readonly x: number;
  readonly y: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The 4-connected blobs of a mask (1 = marked; the mask is consumed: visited pixels become 2), those of at least
 * `leastPixels` pixels. `touchesEdge` blobs (cut by the mask's border) are left out when `keepEdge` is false.
 *
 * @example
 * const discs = darkBlobs(mask, width, height, 80).filter((blob) => discShaped(blob, 0.6));
 */
export function darkBlobs(
  mask: Uint8Array,
  width: number,
  height: number,
  leastPixels = 1,
  keepEdge = true,
): DarkBlob[] {
  const blobs: DarkBlob[] = [];
  const stack: number[] = [];
  for (let start = 0; start < width * height; start += 1) {
    if (mask[start] !== 1) continue;
    mask[start] = 2;
    stack.push(start);
    let [count, sumX, sumY, x0, y0, x1, y1] = [0, 0, 0, width, height, 0, 0];
    while (stack.length > 0) {
      const index = stack.pop() ?? 0;
      const x = index % width;
      const y = (index - x) / width;
      count += 1;
      sumX += x;
      sumY += y;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      if (x > 0 && mask[index - 1] === 1) visit(index - 1);
      if (x < width - 1 && mask[index + 1] === 1) visit(index + 1);
      if (y > 0 && mask[index - width] === 1) visit(index - width);
      if (y < height - 1 && mask[index + width] === 1) visit(index + width);
    }
    const onEdge = x0 === 0 || y0 === 0 || x1 === width - 1 || y1 === height - 1;
    if (count < leastPixels || (onEdge && !keepEdge)) continue;
    blobs.push({ count, x: sumX / count, y: sumY / count, left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 });
  }
  return blobs;

  function visit(index: number): void {
    mask[index] = 2;
    stack.push(index);
  }
}

/**
 * Whether a blob is shaped like a solid disc: it fills about π/4 of its bounding box (within `fill`) and is about as
 * wide as tall (width over height within `aspect`). A QR module, a line of text or a ring does not.
 */
export function discShaped(
  blob: DarkBlob,
  fill: readonly [number, number],
  aspect: readonly [number, number],
): boolean {
  const share = blob.count / (blob.width * blob.height);
  const ratio = blob.width / blob.height;
  return share >= fill[0] && share <= fill[1] && ratio >= aspect[0] && ratio <= aspect[1];
}
