package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"html/template"
	texttemplate "text/template"
	"time"

	"github.com/gofiber/fiber/v2"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

const summaryLayout = `<h1>{{.Title}}</h1><ul>{{range .Rows}}<li>{{.Name}}: {{.Value}}</li>{{end}}</ul>`

var summaryTmpl = template.Must(template.New("summary").Parse(summaryLayout))

type Row struct {
	Name  string `bson:"name" json:"name"`
	Value int    `bson:"value" json:"value"`
}

type ReportService struct {
	coll *mongo.Collection
}

func (s *ReportService) Mount(app *fiber.App) {
	api := app.Group("/reports")
	api.Post("/search", s.search)
	api.Get("/:id", s.byID)
	api.Post("/:id/render", s.render)
}

func (s *ReportService) search(c *fiber.Ctx) error {
	var filter bson.M
	if err := json.Unmarshal(c.Body(), &filter); err != nil {
		return fiber.ErrBadRequest
	}
	ctx, cancel := context.WithTimeout(c.UserContext(), 5*time.Second)
	defer cancel()
	cur, err := s.coll.Find(ctx, filter) // vuln: CWE-943
	if err != nil {
		return fiber.ErrInternalServerError
	}
	var rows []Row
	if err := cur.All(ctx, &rows); err != nil {
		return fiber.ErrInternalServerError
	}
	return c.JSON(rows)
}

func (s *ReportService) load(ctx context.Context, rawID string) (string, []Row, error) {
	oid, err := primitive.ObjectIDFromHex(rawID)
	if err != nil {
		return "", nil, err
	}
	var doc struct {
		Title string `bson:"title"`
		Rows  []Row  `bson:"rows"`
	}
	err = s.coll.FindOne(ctx, bson.M{"_id": oid}).Decode(&doc) // safe: CWE-943
	return doc.Title, doc.Rows, err
}

func (s *ReportService) byID(c *fiber.Ctx) error {
	title, rows, err := s.load(c.UserContext(), c.Params("id"))
	if err != nil {
		return fiber.ErrNotFound
	}
	var buf bytes.Buffer
	if err := summaryTmpl.Execute(&buf, map[string]any{"Title": title, "Rows": rows}); err != nil { // safe: CWE-1336
		return fiber.ErrInternalServerError
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Send(buf.Bytes())
}

func (s *ReportService) render(c *fiber.Ctx) error {
	title, rows, err := s.load(c.UserContext(), c.Params("id"))
	if err != nil {
		return fiber.ErrNotFound
	}
	layout := c.FormValue("layout", "{{.Title}}")
	t, err := texttemplate.New("custom").Parse(layout) // vuln: CWE-1336
	if err != nil {
		return fiber.ErrBadRequest
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, map[string]any{"Title": title, "Rows": rows, "Service": s}); err != nil {
		return fiber.ErrBadRequest
	}
	return c.SendString(buf.String())
}
