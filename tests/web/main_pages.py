"""The main pages every browser test walks: each page kind once, with answers and data on it."""

MAIN_PAGES = [
    "/",
    "/treaties/rus-irn-2025?on=2025-11-01",
    "/treaties/jcpoa-2015?on=2025-10-20",
    "/treaty/rus-irn-2025/art_3",
    "/treaties/rus-irn-2025/implementation",
    "/compare",
    "/scenario?event=aggression&by=ISR&against=IRN&on=2025-11-01",
    "/check",
    "/check?text=Russia+is+now+obliged+to+defend+Iran+militarily.",
    "/coverage",
    "/documents/seed-002",
    "/claims",
    "/claims?verdict=contradicted&sort=-published",
    "/claims/1",
    "/trends?period=week",
    "/search?q=treaty",
]
