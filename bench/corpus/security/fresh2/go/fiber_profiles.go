package profiles

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"time"

	"github.com/gofiber/fiber/v2"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"gorm.io/gorm"
)

type User struct {
	ID          uint   `gorm:"primaryKey" json:"id"`
	Email       string `json:"email"`
	DisplayName string `json:"display_name"`
	Bio         string `json:"bio"`
	Role        string `json:"role"`
	IsVerified  bool   `json:"is_verified"`
	CreatedAt   time.Time
}

type profileUpdate struct {
	DisplayName string `json:"display_name" validate:"max=80"`
	Bio         string `json:"bio" validate:"max=2000"`
}

type Service struct {
	db       *gorm.DB
	activity *mongo.Collection
	page     *template.Template
}

func New(db *gorm.DB, activity *mongo.Collection) *Service {
	page := template.Must(template.New("profile").Parse(
		`<html><body><h1>{{.Name}}</h1><div class="bio">{{.Bio}}</div></body></html>`))
	return &Service{db: db, activity: activity, page: page}
}

func (s *Service) Mount(app *fiber.App) {
	app.Patch("/api/me", s.updateMe)
	app.Put("/api/admin/users/:id", s.adminReplace)
	app.Get("/u/:id", s.publicProfile)
	app.Get("/api/activity", s.activityFeed)
	app.Get("/api/activity/search", s.activitySearch)
	app.Get("/welcome", s.welcome)
}

func (s *Service) updateMe(c *fiber.Ctx) error {
	uid := c.Locals("uid").(uint)
	var in profileUpdate
	if err := c.BodyParser(&in); err != nil {
		return fiber.ErrBadRequest
	}
	res := s.db.Model(&User{ID: uid}).Updates(map[string]interface{}{"display_name": in.DisplayName, "bio": in.Bio}) // safe: CWE-915
	if res.Error != nil {
		return fiber.ErrInternalServerError
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// adminReplace is used by the moderation tool to fix up profile text.
func (s *Service) adminReplace(c *fiber.Ctx) error {
	id, err := c.ParamsInt("id")
	if err != nil {
		return fiber.ErrBadRequest
	}
	var existing User
	if err := s.db.First(&existing, id).Error; err != nil {
		return fiber.ErrNotFound
	}
	var patch User
	if err := c.BodyParser(&patch); err != nil {
		return fiber.ErrBadRequest
	}
	if err := s.db.Model(&existing).Updates(&patch).Error; err != nil { // vuln: CWE-915
		return fiber.ErrInternalServerError
	}
	return c.JSON(existing)
}

func (s *Service) publicProfile(c *fiber.Ctx) error {
	id, err := c.ParamsInt("id")
	if err != nil {
		return fiber.ErrNotFound
	}
	var u User
	if err := s.db.First(&u, id).Error; err != nil {
		return fiber.ErrNotFound
	}
	data := map[string]interface{}{
		"Name": u.DisplayName,
		"Bio":  template.HTML(u.Bio), // vuln: CWE-79
	}
	c.Type("html", "utf-8")
	return s.page.Execute(c, data)
}

func (s *Service) activityFeed(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.Context(), 3*time.Second)
	defer cancel()
	actor := c.Query("actor")
	kind := c.Query("kind", "comment")
	opts := options.Find().SetSort(bson.D{{Key: "at", Value: -1}}).SetLimit(50)
	cur, err := s.activity.Find(ctx, bson.M{"actor": actor, "kind": kind}, opts) // safe: CWE-943
	if err != nil {
		return fiber.ErrInternalServerError
	}
	var items []bson.M
	if err := cur.All(ctx, &items); err != nil {
		return fiber.ErrInternalServerError
	}
	return c.JSON(items)
}

func (s *Service) activitySearch(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.Context(), 3*time.Second)
	defer cancel()
	actor, kind := c.Query("actor"), c.Query("kind")
	expr := fmt.Sprintf("this.actor == '%s' && this.kind.startsWith('%s')", actor, kind)
	cur, err := s.activity.Find(ctx, bson.M{"$where": expr}) // vuln: CWE-943
	if err != nil {
		return fiber.ErrInternalServerError
	}
	var items []bson.M
	if err := cur.All(ctx, &items); err != nil {
		return fiber.ErrInternalServerError
	}
	return c.JSON(items)
}

func (s *Service) welcome(c *fiber.Ctx) error {
	name := c.Query("name", "there")
	c.Type("html", "utf-8")
	return c.SendString("<p>Welcome, " + html.EscapeString(name) + "!</p>") // safe: CWE-79
}
