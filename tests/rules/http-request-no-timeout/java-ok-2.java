// bastion-fixture: src/main/java/com/acme/ErrorRenderer.java
// ok: http-request-no-timeout
// A template made only to read its default message converters never sends a request.
class ErrorRenderer {
  private final List<HttpMessageConverter<?>> converters =
      new RestTemplate().getMessageConverters();
}
