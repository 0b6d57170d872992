// bastion-fixture: internal/reports/status.go
// ok: reflected-xss
// Plain text and escaped markup: nothing from the query reaches a page unescaped.
package reports

import (
	"fmt"
	"html"

	"github.com/gofiber/fiber/v2"
)

func Status(c *fiber.Ctx) error {
	name := c.Query("name")
	return c.SendString(fmt.Sprintf("report %s is queued", name))
}

func Heading(c *fiber.Ctx) error {
	heading := c.Query("heading")
	c.Type("html", "utf-8")
	return c.SendString("<h1>" + html.EscapeString(heading) + "</h1>")
}
