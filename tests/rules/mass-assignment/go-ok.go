// bastion-fixture: internal/api/profiles.go
// ok: mass-assignment
package api

import "github.com/gofiber/fiber/v2"

type ProfilePatch struct {
	Name string `json:"name"`
}

func (s *Server) updateProfile(c *fiber.Ctx) error {
	var existing User
	if err := s.db.First(&existing, c.Locals("uid")).Error; err != nil {
		return fiber.ErrNotFound
	}
	var patch ProfilePatch
	if err := c.BodyParser(&patch); err != nil {
		return fiber.ErrBadRequest
	}
	existing.Name = patch.Name
	return s.db.Save(&existing).Error
}
