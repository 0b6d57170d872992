// bastion-fixture: internal/media/convert.go
// ok: command-injection
package media

func Convert(name string) error {
	exec.Command("sh", "-c", "make clean").Run()
	return exec.Command("convert", name, "out.png").Run()
}
