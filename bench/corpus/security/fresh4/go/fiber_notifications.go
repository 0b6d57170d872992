package notifications

import (
	"bytes"
	"context"
	"crypto/rc4"
	"encoding/base64"
	"os"
	"text/template"
	"time"

	"github.com/gofiber/fiber/v2"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

type Service struct {
	Templates *mongo.Collection
	Outbox    *mongo.Collection
}

type NotificationTemplate struct {
	Slug    string `bson:"slug" json:"slug"`
	Subject string `bson:"subject" json:"subject"`
	Body    string `bson:"body" json:"body"`
}

type Recipient struct {
	Name    string
	Email   string
	Company string
}

func (s *Service) Register(app *fiber.App) {
	app.Get("/notifications/templates/:slug", s.getTemplate)
	app.Post("/notifications/preview", s.preview)
	app.Post("/notifications/unsubscribe-token", s.unsubscribeToken)
}

func (s *Service) getTemplate(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.Context(), 3*time.Second)
	defer cancel()
	slug := c.Params("slug")
	var tpl NotificationTemplate
	err := s.Templates.FindOne(ctx, bson.M{"slug": slug, "active": true}).Decode(&tpl) // safe: CWE-943
	if err == mongo.ErrNoDocuments {
		return c.SendStatus(fiber.StatusNotFound)
	} else if err != nil {
		return c.SendStatus(fiber.StatusInternalServerError)
	}
	return c.JSON(tpl)
}

func (s *Service) preview(c *fiber.Ctx) error {
	body := c.FormValue("body")
	subject := c.FormValue("subject", "(no subject)")
	tpl, err := template.New("preview").Parse(body) // vuln: CWE-1336
	if err != nil {
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": "template does not parse"})
	}
	var buf bytes.Buffer
	sample := Recipient{Name: "Ada Lovelace", Email: "ada@example.com", Company: "Analytical Engines"}
	if err := tpl.Execute(&buf, sample); err != nil {
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": "template failed"})
	}
	return c.JSON(fiber.Map{"subject": subject, "rendered": buf.String()})
}

func (s *Service) unsubscribeToken(c *fiber.Ctx) error {
	email := c.FormValue("email")
	if email == "" {
		return c.SendStatus(fiber.StatusBadRequest)
	}
	key := []byte(os.Getenv("UNSUBSCRIBE_KEY"))
	stream, err := rc4.NewCipher(key) // vuln: CWE-327
	if err != nil {
		return c.SendStatus(fiber.StatusInternalServerError)
	}
	plain := []byte(email + "|" + time.Now().UTC().Format(time.RFC3339))
	sealed := make([]byte, len(plain))
	stream.XORKeyStream(sealed, plain)
	return c.JSON(fiber.Map{"token": base64.RawURLEncoding.EncodeToString(sealed)})
}
