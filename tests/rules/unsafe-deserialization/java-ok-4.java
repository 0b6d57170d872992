// bastion-fixture: src/main/java/demo/JsonConfig.java
// ok: unsafe-deserialization
class JsonConfig {
  @Bean
  ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    PolymorphicTypeValidator ptv = BasicPolymorphicTypeValidator.builder().allowIfSubType("com.acme.").build();
    mapper.activateDefaultTyping(ptv, ObjectMapper.DefaultTyping.NON_FINAL);
    return mapper;
  }
}
