// bastion-fixture: apis/record_test.go
// ok: secret-literal
package apis

import "testing"

// A token the test signed for a user of its fixture database.
const userToken = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJpZCI6ICI0cTF4bGNsbWZsb2t1MzMiLCAidHlwZSI6ICJhdXRoIiwgImNvbGxlY3Rpb25JZCI6ICJ1c2VycyIsICJleHAiOiAyNTI0NjA0NDYxfQ.aZnHwtiU3rPP7RtYKfffrUy5G8uSO3XtoGWlF9LZKt8"

func TestRecordView(t *testing.T) {
	req := newRequest("GET", "/api/records/1", map[string]string{"Authorization": userToken})
	run(t, req)
}
