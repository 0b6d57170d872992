// bastion-fixture: internal/mail/smtp.go
package mail

type SMTP struct {
	Host     string
	Password string
}

func Default() SMTP {
// expect: secret-literal
	smtpPassword := "zq8Lk2mP0xR4"
	return SMTP{Host: "mail.internal", Password: smtpPassword}
}
