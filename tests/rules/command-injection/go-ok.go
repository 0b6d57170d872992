// bastion-fixture: internal/media/convert.go
// ok: command-injection
package media

func Convert(c *gin.Context) {
	exec.Command("sh", "-c", "make clean").Run()
	n, _ := strconv.Atoi(c.Query("n"))
	exec.Command("convert", "-resize", strconv.Itoa(n), "out.png").Run()
}
