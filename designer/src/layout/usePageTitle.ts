import { useEffect } from 'react'

/** Sets the browser tab's title to "<title> – Automation" while the page is shown (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Automation`
  }, [title])
}
