# expect: LL005 none
FROM python:3.11-alpine
RUN apk add --no-cache gcc
RUN pip install --no-cache-dir flask
RUN npm ci && npm cache clean --force
