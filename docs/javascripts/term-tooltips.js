/* Each glossary link in an answer gets its term's definition (from term-tips.js, one file for
   the whole site) as its title. Loaded before Material's bundle, which then shows titles as
   tooltips on hover and keyboard focus. */
document.querySelectorAll("a.term-link").forEach(link => {
  const tip = self.termTips[decodeURIComponent(link.hash.slice(1))]
  if (tip)
    link.title = tip
})
