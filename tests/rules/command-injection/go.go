// bastion-fixture: internal/media/convert.go
package media

func Convert(name string) error {
// expect: command-injection
	return exec.Command("sh", "-c", "convert "+name+" out.png").Run()
}
