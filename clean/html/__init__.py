"""Parts of the HTML front end (``clean.htmlblocks``): parse, walk, find the article, read metadata."""
