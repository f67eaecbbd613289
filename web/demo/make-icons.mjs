#!/usr/bin/env node
// Writes public/icon-192.png and icon-512.png: icon.svg's two rings drawn pixel by pixel (no
// image library needed; deterministic), for browsers that want PNG icons to install a PWA.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size) {
  const s = size / 512;
  const rows = [];
  const ring = (x, y, cx, r) => Math.abs(Math.hypot(x - cx * s, y - 256 * s) - r * s) <= 18 * s;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      let px = [15, 23, 42, 255];
      if (ring(x + 0.5, y + 0.5, 316, 92)) px = [245, 158, 11, 255];
      if (ring(x + 0.5, y + 0.5, 196, 92)) px = [56, 189, 248, 255];
      row.push(...px);
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
for (const n of [192, 512]) writeFileSync(new URL(`public/icon-${n}.png`, import.meta.url), png(n));
