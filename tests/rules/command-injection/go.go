// bastion-fixture: internal/media/convert.go
package media

func Convert(c *gin.Context) {
// expect: command-injection
	exec.Command("sh", "-c", "convert "+c.Query("name")+" out.png").Run()
}
