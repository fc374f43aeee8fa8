import PDFDocument from 'pdfkit';

// The printable storyboard: A4 landscape, each scene starting on a new page, six shots a page (3 × 2), each a
// frame (the chosen take's poster, else the shot's card drawn) with its facts and words below, the project's
// title on top and "page n of N" at the foot. pdfkit lays it out in memory; the caller streams the bytes.

export interface StoryboardShot {
  /** The shot's number in the film, from 1. */
  number: number;
  shotType: string;
  camera: string;
  /** "3.0 s", or "speech" for a shot that lasts as long as its lines. */
  duration: string;
  action: string;
  dialogue: { speaker: string; text: string }[];
  narration: string;
  /** The chosen take's poster (JPEG or PNG bytes), or null to draw the card. */
  poster: Buffer | null;
}

export interface StoryboardPdfInput {
  title: string;
  width: number;
  height: number;
  scenes: { title: string; mood: string; shots: StoryboardShot[] }[];
  /** TrueType fonts (DejaVu by default: Debian's, with the accents and symbols scripts use). */
  fonts?: { regular: string; bold: string; italic: string };
}

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
export const DEFAULT_FONTS = {
  regular: `${DEJAVU}/DejaVuSans.ttf`,
  bold: `${DEJAVU}/DejaVuSans-Bold.ttf`,
  italic: `${DEJAVU}/DejaVuSans-Oblique.ttf`,
};

export const PAGE = { width: 841.89, height: 595.28, margin: 36, columns: 3, rows: 2, gutter: 18 } as const;
const HEADER = 46;
const FOOTER = 24;
const TEXT_LINES = 7;

/** Where shot `slot` (0–5) of a page draws its frame: the layout the PDF test compares pixels against. */
export function frameBox(slot: number, aspect: { width: number; height: number }) {
  const column = slot % PAGE.columns;
  const row = Math.floor(slot / PAGE.columns);
  const cellWidth = (PAGE.width - 2 * PAGE.margin - (PAGE.columns - 1) * PAGE.gutter) / PAGE.columns;
  const cellHeight =
    (PAGE.height - 2 * PAGE.margin - HEADER - FOOTER - (PAGE.rows - 1) * PAGE.gutter) / PAGE.rows;
  const textHeight = TEXT_LINES * 10.5 + 4;
  const maxImage = cellHeight - textHeight;
  // The frame keeps the film's aspect ratio inside the cell's picture area (a vertical film gets a narrow frame).
  let w = cellWidth;
  let h = (w * aspect.height) / aspect.width;
  if (h > maxImage) {
    h = maxImage;
    w = (h * aspect.width) / aspect.height;
  }
  const cellX = PAGE.margin + column * (cellWidth + PAGE.gutter);
  const cellY = PAGE.margin + HEADER + row * (cellHeight + PAGE.gutter);
  return {
    x: cellX + (cellWidth - w) / 2,
    y: cellY,
    width: w,
    height: h,
    text: { x: cellX, y: cellY + h + 6, width: cellWidth, height: cellHeight - h - 6 },
  };
}

type Doc = InstanceType<typeof PDFDocument>;

function drawCard(doc: Doc, shot: StoryboardShot, box: ReturnType<typeof frameBox>) {
  doc.save().rect(box.x, box.y, box.width, box.height).fill('#eceff3').restore();
  doc
    .save()
    .lineWidth(0.5)
    .dash(3, { space: 3 })
    .rect(box.x + 6, box.y + 6, box.width - 12, box.height - 12)
    .stroke('#9aa3ad')
    .undash()
    .restore();
  doc
    .font('bold')
    .fontSize(10)
    .fillColor('#5b6470')
    .text(`${shot.shotType} · ${shot.camera}`, box.x + 12, box.y + 14, {
      width: box.width - 24,
      align: 'center',
    });
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor('#5b6470')
    .text(shot.action || 'No action yet', box.x + 14, box.y + 32, {
      width: box.width - 28,
      height: box.height - 58,
      align: 'center',
      ellipsis: true,
    });
  doc
    .font('italic')
    .fontSize(7.5)
    .fillColor('#8a929c')
    .text('not rendered yet', box.x + 12, box.y + box.height - 20, {
      width: box.width - 24,
      align: 'center',
    });
}

function drawShot(doc: Doc, shot: StoryboardShot, box: ReturnType<typeof frameBox>) {
  let drewPoster = false;
  if (shot.poster) {
    try {
      doc.image(shot.poster, box.x, box.y, {
        fit: [box.width, box.height],
        align: 'center',
        valign: 'center',
      });
      drewPoster = true;
    } catch {
      // An unreadable poster is drawn as the card: the storyboard still prints.
    }
  }
  if (!drewPoster) drawCard(doc, shot, box);
  doc.save().lineWidth(0.75).rect(box.x, box.y, box.width, box.height).stroke('#2b2f36').restore();
  // The shot number on the frame's corner, as on a storyboard panel.
  const label = String(shot.number);
  doc.font('bold').fontSize(9);
  const labelWidth = doc.widthOfString(label) + 8;
  doc.save().rect(box.x, box.y, labelWidth, 14).fill('#2b2f36').restore();
  doc.fillColor('#ffffff').text(label, box.x + 4, box.y + 2.5, { lineBreak: false });

  const t = box.text;
  doc
    .font('bold')
    .fontSize(8.5)
    .fillColor('#1d2127')
    .text(`Shot ${shot.number} · ${shot.shotType} · ${shot.camera} · ${shot.duration}`, t.x, t.y, {
      width: t.width,
      height: 11,
      ellipsis: true,
    });
  const words: { font: 'regular' | 'italic' | 'bold'; text: string; color: string }[] = [];
  if (shot.action) words.push({ font: 'regular', text: shot.action, color: '#30353c' });
  for (const line of shot.dialogue)
    words.push({ font: 'regular', text: `${line.speaker.toUpperCase()}: ${line.text}`, color: '#1d4ed8' });
  if (shot.narration) words.push({ font: 'italic', text: `Narration: ${shot.narration}`, color: '#6b4f1d' });
  let y = t.y + 13;
  const bottom = t.y + t.height;
  for (const word of words) {
    if (y > bottom - 10) break;
    doc.font(word.font).fontSize(8).fillColor(word.color);
    const height = Math.min(doc.heightOfString(word.text, { width: t.width }), bottom - y);
    doc.text(word.text, t.x, y, { width: t.width, height, ellipsis: true });
    y += height + 2;
  }
}

/** The storyboard as a PDF stream (ended: pipe it or collect it). */
export function storyboardPdf(input: StoryboardPdfInput): NodeJS.ReadableStream {
  const fonts = input.fonts ?? DEFAULT_FONTS;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: PAGE.margin,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: `${input.title} — storyboard`, Creator: 'MiniStudio' },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  const aspect = { width: input.width, height: input.height };
  const perPage = PAGE.columns * PAGE.rows;
  const scenes = input.scenes.length ? input.scenes : [{ title: 'No scenes yet', mood: '', shots: [] }];
  scenes.forEach((scene, sceneIndex) => {
    const pages = Math.max(1, Math.ceil(scene.shots.length / perPage));
    for (let page = 0; page < pages; page++) {
      doc.addPage();
      doc
        .font('bold')
        .fontSize(15)
        .fillColor('#1d2127')
        .text(input.title, PAGE.margin, PAGE.margin, { width: PAGE.width / 2, height: 20, ellipsis: true });
      const heading = `Scene ${sceneIndex + 1}: ${scene.title}${pages > 1 ? ` (${page + 1}/${pages})` : ''}`;
      doc
        .font('regular')
        .fontSize(11)
        .fillColor('#30353c')
        .text(heading, PAGE.margin, PAGE.margin + 20, { width: PAGE.width / 2, height: 16, ellipsis: true });
      if (scene.mood)
        doc
          .font('italic')
          .fontSize(9)
          .fillColor('#6b7280')
          .text(scene.mood, PAGE.width / 2, PAGE.margin + 22, {
            width: PAGE.width / 2 - PAGE.margin,
            align: 'right',
            height: 14,
            ellipsis: true,
          });
      const shots = scene.shots.slice(page * perPage, (page + 1) * perPage);
      if (!shots.length)
        doc
          .font('italic')
          .fontSize(11)
          .fillColor('#6b7280')
          .text('This scene has no shots yet.', PAGE.margin, PAGE.margin + HEADER + 20);
      for (const [slot, shot] of shots.entries()) drawShot(doc, shot, frameBox(slot, aspect));
    }
  });
  // Footers last, when the page count is known; no bottom margin, so pdfkit does not break to a new page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#6b7280')
      .text(
        `${input.title} — storyboard · page ${i + 1} of ${range.count}`,
        PAGE.margin,
        PAGE.height - PAGE.margin + 8,
        { width: PAGE.width - 2 * PAGE.margin, align: 'center', lineBreak: false },
      );
  }
  doc.end();
  return doc;
}
