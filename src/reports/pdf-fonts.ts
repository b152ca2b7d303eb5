// The fonts every PDF is printed with: PT Sans (Cyrillic and Latin, regular and bold), shipped by npm
// (@expo-google-fonts/pt-sans, TrueType) and handed to the PDF browser through a fontconfig file of our own, so
// the page, its header and footer and the charts all print in the same font whatever fonts the system has (a
// bare machine may have none). Header and footer templates cannot load web fonts, so @font-face is no option.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const PDF_FONT_FAMILY = "'PT Sans', 'DejaVu Sans', Arial, sans-serif";

let file: string | undefined;

/** A fontconfig file naming the shipped fonts first, then the system's; written once per process. */
export function pdfFontConfigFile(): string {
  if (file && fs.existsSync(file)) return file;
  const require = createRequire(import.meta.url);
  const fonts = path.dirname(
    path.dirname(require.resolve('@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf')),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publica-fonts-'));
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${xml(fonts)}</dir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <cachedir>${xml(path.join(dir, 'cache'))}</cachedir>
</fontconfig>
`,
  );
  return file;
}
