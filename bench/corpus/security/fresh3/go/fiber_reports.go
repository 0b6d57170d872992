package reports

import (
	"errors"
	"fmt"
	"html"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type Report struct {
	ID      primitive.ObjectID `bson:"_id" json:"id"`
	Owner   string             `bson:"owner" json:"owner"`
	Title   string             `bson:"title" json:"title"`
	Summary string             `bson:"summary" json:"summary"`
	Tags    []string           `bson:"tags" json:"tags"`
	Shared  bool               `bson:"shared" json:"shared"`
	Created time.Time          `bson:"created" json:"created"`
}

type API struct {
	coll *mongo.Collection
}

func New(db *mongo.Database) *API {
	return &API{coll: db.Collection("reports")}
}

func (a *API) Mount(app *fiber.App) {
	g := app.Group("/reports")
	g.Post("/query", a.query)
	g.Get("/:id/print", a.print)
	g.Get("/shared/:owner", a.sharedBy)
}

// ErrorHandler is passed to fiber.Config{ErrorHandler: ...}.
func ErrorHandler(c *fiber.Ctx, err error) error {
	var fe *fiber.Error
	if errors.As(err, &fe) {
		return c.Status(fe.Code).JSON(fiber.Map{"error": fe.Message})
	}
	return c.Status(fiber.StatusInternalServerError).SendString(fmt.Sprintf("internal error: %v\n\n%s", err, debug.Stack())) // vuln: CWE-209
}

type queryRequest struct {
	Filter bson.M `json:"filter"`
	Limit  int64  `json:"limit"`
}

// query backs the dashboard's filter builder, which sends a ready-made filter document.
func (a *API) query(c *fiber.Ctx) error {
	var req queryRequest
	if err := c.BodyParser(&req); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "invalid body")
	}
	if req.Limit <= 0 || req.Limit > 100 {
		req.Limit = 20
	}
	filter := req.Filter
	if filter == nil {
		filter = bson.M{}
	}
	opts := options.Find().SetLimit(req.Limit).SetSort(bson.D{{Key: "created", Value: -1}})
	cur, err := a.coll.Find(c.Context(), filter, opts) // vuln: CWE-943
	if err != nil {
		return err
	}
	var out []Report
	if err := cur.All(c.Context(), &out); err != nil {
		return err
	}
	return c.JSON(out)
}

const printTemplate = `<!doctype html>
<html><head><meta charset="utf-8"><title>%s</title></head>
<body><h1>%s</h1><p class="summary">%s</p><footer>Printed %s</footer></body></html>`

func (a *API) print(c *fiber.Ctx) error {
	oid, err := primitive.ObjectIDFromHex(c.Params("id"))
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "invalid id")
	}
	var rep Report
	if err := a.coll.FindOne(c.Context(), bson.M{"_id": oid}).Decode(&rep); err != nil {
		if errors.Is(err, mongo.ErrNoDocuments) {
			return fiber.NewError(fiber.StatusNotFound, "report not found")
		}
		return err
	}
	heading := c.Query("heading", rep.Title)
	page := fmt.Sprintf(printTemplate, html.EscapeString(rep.Title), heading,
		html.EscapeString(rep.Summary), time.Now().Format(time.RFC1123))
	c.Type("html", "utf-8")
	return c.SendString(page) // vuln: CWE-79
}

func (a *API) sharedBy(c *fiber.Ctx) error {
	owner := c.Params("owner")
	cur, err := a.coll.Find(c.Context(), bson.M{"owner": owner, "shared": true}) // safe: CWE-943
	if err != nil {
		return err
	}
	var reps []Report
	if err := cur.All(c.Context(), &reps); err != nil {
		return err
	}
	var b strings.Builder
	for _, r := range reps {
		fmt.Fprintf(&b, `<li><a href="/reports/%s/print">%s</a></li>`, r.ID.Hex(), html.EscapeString(r.Title))
	}
	c.Type("html", "utf-8")
	return c.SendString("<h1>Reports shared by " + html.EscapeString(owner) + "</h1><ul>" + b.String() + "</ul>") // safe: CWE-79
}
