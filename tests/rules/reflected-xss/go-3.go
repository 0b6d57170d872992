// bastion-fixture: internal/reports/print.go
// Fiber answers the page as text; the heading from the query is put in it unescaped.
package reports

import (
	"fmt"
	"html"

	"github.com/gofiber/fiber/v2"
)

const printTemplate = `<!doctype html>
<html><head><title>%s</title></head><body><h1>%s</h1><p>%s</p></body></html>`

func PrintView(c *fiber.Ctx) error {
	title := c.Query("title", "Report")
	heading := c.Query("heading", title)
	page := fmt.Sprintf(printTemplate, html.EscapeString(title), heading, "generated")
	c.Type("html", "utf-8")
// expect: reflected-xss
	return c.SendString(page)
}
