/**
 * What a web page prints around its article: breadcrumbs (首页 > 新闻 > 政务动态, 当前位置：…), bylines
 * (来源：… 发布时间：… 作者：… 编辑：…), font and share widgets (【字体：大 中 小】, 分享到：), print and close links,
 * and the site footer (版权所有, ICP备, 网站标识码, 联系我们 | 网站地图). None of it is a plan, a title or evidence.
 * (HTML pages lose most of it by class name in read/html.ts; text copies keep it, so it is known by its words.)
 */
const BREADCRUMB = /^(?:当前位置|您现在的位置|您的位置|现在位置|所在位置|位置)[是：:]|^(?:首页|网站首页|主页)[\s\u3000]*[>＞»›/→]/u;
const BYLINE = /^(?:来源|稿源|信息来源|文章来源|发布时间|发布日期|更新时间|作者|编辑|责任编辑|浏览次数|点击数|阅读数|访问量)[：:]/u;
const WIDGET = /^(?:【?字体[：:]|分享到|分享[：:]|扫一扫|【?打印(?:本页)?】?|【?关闭(?:窗口|本页)?】?|【?收藏】?|【?返回顶部】?|上一篇[：:]|下一篇[：:]|相关(?:新闻|文章|阅读)[：:]?$)/u;
const FOOTER = /^(?:版权所有|Copyright|©|主办单位[：:]|承办单位[：:]|技术支持[：:]|维护单位[：:]|网站标识码|联系我们|网站地图|隐私声明|免责声明|关于我们)/iu;
const FOOTER_ANYWHERE = /ICP备|公网安备|网站标识码/u;

/** A line of page chrome: never a plan, a title, a task or evidence. */
export function isPageFurniture(text: string): boolean {
  const t = text.trim().replace(/^[（(【\[]([^（()）]*)[）)】\]]$/u, '$1');
  if (isWebByline(t)) return true;
  if (t.length === 0) return false;
  if (BREADCRUMB.test(t) || WIDGET.test(t) || FOOTER.test(t)) return true;
  if (FOOTER_ANYWHERE.test(t) && t.length <= 120) return true;
  // A byline line holds short fields only ("来源：南方日报  发布时间：2025-02-20"), never a sentence.
  return BYLINE.test(t) && t.length <= 120 && !/[。；]/u.test(t);
}

/** A web article's byline (来源：… / 发布时间：…): the page is a report, its headline right above. */
export function isWebByline(text: string): boolean {
  const t = text.trim();
  // A document's own metadata row (发布单位：… 文号：…) is the issuer's word, read as metadata: not a byline.
  if (t.length > 120 || /[。；]/u.test(t) || /(?:发布单位|发布机构|发文机关|索引号|文号)[：:]/u.test(t)) return false;
  return /(?:^|[\s\u3000])(?:来源|稿源|作者|编辑|责任编辑)[：:]/u.test(` ${t}`);
}
