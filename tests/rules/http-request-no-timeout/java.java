// bastion-fixture: src/main/java/com/acme/Client.java
class Client {
// expect: http-request-no-timeout
  HttpClient http = HttpClient.newHttpClient();
// expect: http-request-no-timeout
  RestTemplate rest = new RestTemplate();
}
