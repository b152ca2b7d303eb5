// temp: slices a tall PNG into viewport-sized PNGs
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browser.ts';
const [file, sliceArg, outDir = '/tmp/crops'] = process.argv.slice(2);
const slice = Number(sliceArg ?? 1400);
const b = await launch();
const data = fs.readFileSync(file as string).toString('base64');
const p = await b.newPage();
await p.setContent(`<body style="margin:0"><img id=i src="data:image/png;base64,${data}"></body>`);
const { w, h } = await p.evaluate(() => {
  const i = document.getElementById('i') as HTMLImageElement;
  return { w: i.naturalWidth, h: i.naturalHeight };
});
await p.setViewportSize({ width: w, height: Math.min(h, slice) });
const base = path.basename(file as string, '.png');
for (let y = 0, n = 0; y < h; y += slice, n++) {
  const out = path.join(outDir, `${base}-${String(n).padStart(2, '0')}.png`);
  await p.screenshot({ path: out, clip: { x: 0, y, width: w, height: Math.min(slice, h - y) }, fullPage: true });
  console.log(out);
}
await b.close();
