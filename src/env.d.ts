/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

import 'vue-router'
declare module 'vue-router' {
  interface RouteMeta {
    /** Message key of the view's title. */
    titleKey?: string
    /** Render without the app's header, navigation and footer (for other sites' pages). */
    embed?: boolean
    /** A page of the whole district (landing, comparison of departments): about no one dataset. */
    district?: boolean
    /** The message areas the page needs beyond the core ones (`src/i18n`); absent: every area. */
    messages?: readonly string[]
  }
}
