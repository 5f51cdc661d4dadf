/**
 * In-app browsers (WeChat's, QQ's and their kin) do not download files saved through blob URLs, and
 * many readers open the portal's links there. `isInAppBrowser` tells them apart by their user agent,
 * so the app offers a plain link to a static file instead of a button that would do nothing.
 */

/** WeChat (MicroMessenger, incl. WeCom's wxwork), QQ and its browser, Weibo, DingTalk, Alipay, Douyin. */
const IN_APP = /MicroMessenger|wxwork|\bQQ\/|MQQBrowser|Weibo|DingTalk|AlipayClient|aweme|Bytedance/i

/** true inside an app's own browser that will not download a blob URL. */
export function isInAppBrowser(userAgent: string = typeof navigator === 'undefined' ? '' : navigator.userAgent): boolean {
  return IN_APP.test(userAgent)
}
