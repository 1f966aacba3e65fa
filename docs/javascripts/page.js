/* Run a set-up function once the page's content is ready (and again after Material's instant
   navigation, should it be turned on). Shared by the site's other scripts. */
export function onPage(setUp) {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
}
