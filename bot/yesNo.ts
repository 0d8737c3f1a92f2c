/**
 * Yes/no in the words customers actually use. botbuilder's zh-CN confirm choices miss most of these
 * (对, 好, 可以, 确认, 不用了, 算了 …), so confirmation prompts use this instead.
 */
const YES =
  /^(?:y|yes|yeah|yep|sure|ok|okay|confirm|correct|right|go ahead|please do|是|是的|对|对的|好|好的|好啊|行|可以|确认|确定|没错|没问题|嗯|嗯嗯|要|需要)$/iu;
const NO = /^(?:n|no|nope|not now|no thanks|cancel|don'?t|不|不是|不对|不要|不用|不用了|不需要|算了|取消|否|别|先不|先不用)$/iu;

export function parseYesNo(text: string): boolean | undefined {
  const t = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s.!。！~～,，]+$/u, '');
  if (YES.test(t)) return true;
  if (NO.test(t)) return false;
  return undefined;
}
