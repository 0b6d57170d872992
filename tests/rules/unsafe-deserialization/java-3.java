// bastion-fixture: src/main/java/demo/JsonConfig.java
class JsonConfig {
  @Bean
  ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
// expect: unsafe-deserialization
    mapper.enableDefaultTyping();
    return mapper;
  }
}
