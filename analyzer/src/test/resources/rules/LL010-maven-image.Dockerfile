# expect: LL010 5
FROM maven:3.9-eclipse-temurin-17
WORKDIR /app
COPY . .
RUN mvn -B package
CMD ["java", "-jar", "target/app.jar"]
