// bastion-fixture: apis/record_client.go
package apis

// The same token in shipped code is a bearer credential.
// expect: secret-literal
const userToken = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJpZCI6ICI0cTF4bGNsbWZsb2t1MzMiLCAidHlwZSI6ICJhdXRoIiwgImNvbGxlY3Rpb25JZCI6ICJ1c2VycyIsICJleHAiOiAyNTI0NjA0NDYxfQ.aZnHwtiU3rPP7RtYKfffrUy5G8uSO3XtoGWlF9LZKt8"

func Headers() map[string]string {
	return map[string]string{"Authorization": userToken}
}
