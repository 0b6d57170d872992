// bastion-fixture: internal/activity/search.go
// A collection held in a struct field of its type, queried with a `$where` script.
package activity

import (
	"fmt"

	"github.com/gofiber/fiber/v2"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

type Service struct {
	activity *mongo.Collection
}

func (s *Service) Search(c *fiber.Ctx) error {
	actor, kind := c.Query("actor"), c.Query("kind")
	expr := fmt.Sprintf("this.actor == '%s' && this.kind.startsWith('%s')", actor, kind)
// expect: nosql-injection
	cur, err := s.activity.Find(c.Context(), bson.M{"$where": expr})
	if err != nil {
		return err
	}
	defer cur.Close(c.Context())
	return c.SendStatus(fiber.StatusOK)
}
