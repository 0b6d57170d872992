// bastion-fixture: src/main/java/com/acme/Client.java
// ok: http-request-no-timeout
class Client {
  HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  RestTemplate rest = builder.setConnectTimeout(d).build();
}
