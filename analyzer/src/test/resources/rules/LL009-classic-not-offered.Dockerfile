# expect: LL009 none
FROM python:3.11-slim
RUN pip install --no-cache-dir flask
