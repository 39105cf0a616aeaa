# expect: LL001 none
FROM python:3.11-slim
WORKDIR /app
COPY Pipfile Pipfile.lock ./
RUN pipenv install --deploy --system
COPY . .
