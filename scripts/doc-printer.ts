// A small document printer in the manner of prettier's (groups that print flat when they fit in
// the line width and break otherwise, indent, align, soft and hard lines, ifBreak), enough to lay
// out scripts/gen-types.ts' output as `supabase gen types typescript` does: postgres-meta runs
// prettier (printWidth 80, no semicolons) over its template, and this project has no prettier.
// The constructs gen-types builds (type literals, unions, tuples, arrays) follow prettier's
// printers for them; test/integration/database-types.test.ts holds the result to the CLI's.

export type Doc = string | Doc[] | Group | Indent | Align | Line | IfBreak;
interface Group { kind: 'group'; contents: Doc; break: boolean }
interface Indent { kind: 'indent'; contents: Doc }
interface Align { kind: 'align'; width: number; contents: Doc }
interface Line { kind: 'line'; soft: boolean; hard: boolean }
interface IfBreak { kind: 'ifBreak'; breakContents: Doc; flatContents: Doc }

export const group = (contents: Doc, shouldBreak = false): Doc => ({ kind: 'group', contents, break: shouldBreak });
export const indent = (contents: Doc): Doc => ({ kind: 'indent', contents });
export const align = (width: number, contents: Doc): Doc => ({ kind: 'align', width, contents });
export const ifBreak = (breakContents: Doc, flatContents: Doc = ''): Doc => ({ kind: 'ifBreak', breakContents, flatContents });
/** A space when flat, a newline when its group breaks. */
export const line: Doc = { kind: 'line', soft: false, hard: false };
/** Nothing when flat, a newline when its group breaks. */
export const softline: Doc = { kind: 'line', soft: true, hard: false };
/** Always a newline; every group around it breaks. */
export const hardline: Doc = { kind: 'line', soft: false, hard: true };

export function join(separator: Doc, docs: Doc[]): Doc[] {
  return docs.flatMap((doc, i) => (i === 0 ? [doc] : [separator, doc]));
}

/** Marks every group that holds a hard line as broken (prettier's propagateBreaks). */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) return doc.map(propagateBreaks).some(Boolean);
  switch (doc.kind) {
    case 'line':
      return doc.hard;
    case 'group': {
      const inner = propagateBreaks(doc.contents);
      if (inner) doc.break = true;
      return doc.break;
    }
    case 'ifBreak':
      return [propagateBreaks(doc.breakContents), propagateBreaks(doc.flatContents)].some(Boolean);
    default:
      return propagateBreaks(doc.contents);
  }
}

/** Display width as prettier counts it: East Asian wide and fullwidth characters take two columns. */
export function stringWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f)) continue;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0x303e) ||
      (code >= 0x3041 && code <= 0x33ff) ||
      (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0xa000 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

type Mode = 'flat' | 'break';
interface Command { indent: string; mode: Mode; doc: Doc }

/** Whether `next`, and what follows it up to the next newline, fits in `width` columns. */
function fits(next: Command, rest: Command[], width: number): boolean {
  let restIndex = rest.length;
  const commands: Command[] = [next];
  while (width >= 0) {
    if (commands.length === 0) {
      if (restIndex === 0) return true;
      commands.push(rest[--restIndex]!);
      continue;
    }
    const { indent: ind, mode, doc } = commands.pop()!;
    if (typeof doc === 'string') {
      width -= stringWidth(doc);
    } else if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) commands.push({ indent: ind, mode, doc: doc[i]! });
    } else {
      switch (doc.kind) {
        case 'group':
          commands.push({ indent: ind, mode: doc.break ? 'break' : mode, doc: doc.contents });
          break;
        case 'ifBreak':
          commands.push({ indent: ind, mode, doc: mode === 'break' ? doc.breakContents : doc.flatContents });
          break;
        case 'line':
          if (mode === 'break' || doc.hard) return true;
          if (!doc.soft) width -= 1;
          break;
        default:
          commands.push({ indent: ind, mode, doc: doc.contents });
      }
    }
  }
  return false;
}

/** Prints a document in `width` columns, with two-space indents and no trailing whitespace. */
export function printDoc(doc: Doc, width = 80): string {
  propagateBreaks(doc);
  const out: string[] = [];
  let pos = 0;
  const commands: Command[] = [{ indent: '', mode: 'break', doc }];
  while (commands.length > 0) {
    const { indent: ind, mode, doc: d } = commands.pop()!;
    if (typeof d === 'string') {
      out.push(d);
      pos += stringWidth(d);
    } else if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) commands.push({ indent: ind, mode, doc: d[i]! });
    } else {
      switch (d.kind) {
        case 'indent':
          commands.push({ indent: ind + '  ', mode, doc: d.contents });
          break;
        case 'align':
          commands.push({ indent: ind + ' '.repeat(d.width), mode, doc: d.contents });
          break;
        case 'group': {
          if (mode === 'flat') {
            commands.push({ indent: ind, mode: d.break ? 'break' : 'flat', doc: d.contents });
            break;
          }
          const flat: Command = { indent: ind, mode: 'flat', doc: d.contents };
          commands.push(!d.break && fits(flat, commands, width - pos) ? flat : { indent: ind, mode: 'break', doc: d.contents });
          break;
        }
        case 'ifBreak':
          commands.push({ indent: ind, mode, doc: mode === 'break' ? d.breakContents : d.flatContents });
          break;
        case 'line':
          if (mode === 'flat' && !d.hard) {
            if (!d.soft) {
              out.push(' ');
              pos += 1;
            }
            break;
          }
          // A newline: drop the spaces the line ended with, as prettier does.
          while (out.length > 0 && /^[ \t]*$/.test(out.at(-1)!)) out.pop();
          if (out.length > 0) out[out.length - 1] = out.at(-1)!.replace(/[ \t]+$/, '');
          out.push('\n' + ind);
          pos = ind.length;
          break;
      }
    }
  }
  return out.join('');
}
