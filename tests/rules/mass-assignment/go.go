// bastion-fixture: internal/api/profiles.go
package api

import "github.com/gofiber/fiber/v2"

type User struct {
	ID      uint
	Name    string
	IsAdmin bool
}

func (s *Server) updateProfile(c *fiber.Ctx) error {
	var existing User
	if err := s.db.First(&existing, c.Locals("uid")).Error; err != nil {
		return fiber.ErrNotFound
	}
	var patch User
	if err := c.BodyParser(&patch); err != nil {
		return fiber.ErrBadRequest
	}
// expect: mass-assignment
	if err := s.db.Model(&existing).Updates(&patch).Error; err != nil {
		return err
	}
	return c.JSON(existing)
}
