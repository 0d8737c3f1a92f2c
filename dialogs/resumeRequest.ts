/** "继续", "continue", "back to the sign-up please", 「回到刚才的注册」: the customer wants the set-aside task back. */
const RESUME =
  /^(?:(?:好|好的|行|嗯|ok|okay|yes|sure)[\s,，]*)?(?:那|那就|我们)?(?:继续(?:吧|填|办|刚才的.*)?|接着(?:来|填|办)?(?:吧)?|回到(?:刚才|之前|原来|上面)的?.*|返回(?:刚才|之前)的?.*|go back(?: to .*)?|(?:let'?s )?continue(?: with .*)?|carry on|resume(?: .*)?|(?:let'?s )?get back to .*|back to .*|return to .*|where were we)(?:[\s,，.!。！]*(?:please|吧|谢谢|thanks))?[\s.!。！]*$/iu;

export function isResumeRequest(text: string, taskName?: string): boolean {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (RESUME.test(t)) return true;
  if (!taskName) return false;
  const task = taskName.toLowerCase();
  return t.includes(task) && /继续|回到|接着|back|continue|resume|return/.test(t);
}
