# builder: buildkit
# expect: LL009 5
FROM python:3.11-slim
RUN --mount=type=cache,target=/root/.cache/pip pip install flask
RUN npm ci
