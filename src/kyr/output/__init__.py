"""Files written next to the built pages: sitemap, search index, service worker, security policy."""
