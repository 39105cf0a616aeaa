FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt ./
RUN echo installing && cat requirements.txt > /installed.txt
COPY . .
CMD ["python3", "main.py"]
