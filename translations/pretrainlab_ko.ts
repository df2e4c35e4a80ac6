<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ptl::ui::AlignmentView</name>
    <message>
        <location filename="../ui/knowledge/AlignmentView.cpp" line="109"/>
        <source>Type a sentence and press Ground: each word that names a WordNet synset gets a box under it.</source>
        <translation>문장을 입력하고 &apos;연결&apos;을 누르세요. WordNet 신셋을 가리키는 단어마다 아래에 상자가 붙습니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/AlignmentView.cpp" line="161"/>
        <source>, a name</source>
        <translation>, 고유명</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/AlignmentView.cpp" line="162"/>
        <source>is a</source>
        <translation>상위 개념:</translation>
    </message>
</context>
<context>
    <name>ptl::ui::CompareDialog</name>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="31"/>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="33"/>
        <source>Show only the keys that differ</source>
        <translation>서로 다른 키만 보기</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="45"/>
        <source>&lt;b&gt;Configuration&lt;/b&gt; — differing keys are highlighted; the curves of these runs are overlaid in the main window.</source>
        <translation>&lt;b&gt;설정&lt;/b&gt; — 서로 다른 키를 강조합니다. 이 실행들의 곡선은 주 창에 겹쳐 그려집니다.</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="48"/>
        <source>&lt;b&gt;Final metrics&lt;/b&gt; — the last value each run logged</source>
        <translation>&lt;b&gt;최종 지표&lt;/b&gt; — 각 실행이 마지막으로 기록한 값</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="72"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="78"/>
        <source>Cannot read the run store: %1</source>
        <translation>실행 저장소를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="127"/>
        <source>%1 (step %2)</source>
        <translation>%1 (스텝 %2)</translation>
    </message>
</context>
<context>
    <name>ptl::ui::ConfigEditor</name>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="70"/>
        <source>run name (default: the preset)</source>
        <translation>실행 이름 (기본값: 프리셋 이름)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="74"/>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="75"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="76"/>
        <source>Family</source>
        <translation>모델 계열</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="78"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="80"/>
        <source>Layers</source>
        <translation>층 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="81"/>
        <source>Hidden size</source>
        <translation>은닉 크기</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="82"/>
        <source>Attention heads</source>
        <translation>어텐션 헤드 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="83"/>
        <source>Feed-forward size</source>
        <translation>피드포워드 크기</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="84"/>
        <source>Embedding size E</source>
        <translation>임베딩 크기 E</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="86"/>
        <location filename="../ui/config/ConfigEditor.cpp" line="157"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="87"/>
        <source>attention</source>
        <translation>어텐션</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="88"/>
        <source>feed-forward</source>
        <translation>피드포워드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="89"/>
        <source>all (ALBERT)</source>
        <translation>전체 (ALBERT)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="91"/>
        <source>Cross-layer sharing</source>
        <translation>층 간 파라미터 공유</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="93"/>
        <source>post (BERT)</source>
        <translation>뒤 (BERT)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="94"/>
        <source>pre + final (GPT-2)</source>
        <translation>앞 + 마지막 (GPT-2)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="96"/>
        <source>LayerNorm</source>
        <translation>LayerNorm 위치</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="98"/>
        <source>GELU (erf)</source>
        <translation>GELU (erf)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="99"/>
        <source>GELU (tanh)</source>
        <translation>GELU (tanh 근사)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="101"/>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="102"/>
        <source>Hidden dropout</source>
        <translation>은닉 드롭아웃</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="103"/>
        <source>Attention dropout</source>
        <translation>어텐션 드롭아웃</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="104"/>
        <source>Max positions</source>
        <translation>최대 위치 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="106"/>
        <source>ERNIE: how many of the last layers are the K-Encoder, which fuses the entities aligned with the tokens (WordNet synsets, TransE vectors) into the token stream. 0: a plain BERT.</source>
        <translation>ERNIE: 마지막 몇 개 층을 K-인코더로 둘지 정합니다. K-인코더는 토큰에 정렬된 개체(WordNet 신셋의 TransE 벡터)를 토큰 흐름에 융합합니다. 0: 일반 BERT.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="108"/>
        <source>K-Encoder layers (ERNIE)</source>
        <translation>K-인코더 층 수 (ERNIE)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="109"/>
        <source>Entity attention heads</source>
        <translation>개체 어텐션 헤드 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="111"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="113"/>
        <source>Steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="114"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="115"/>
        <source>Sequence length</source>
        <translation>시퀀스 길이</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="116"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="117"/>
        <source>Warmup steps</source>
        <translation>워밍업 스텝</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="119"/>
        <source>linear decay</source>
        <translation>선형 감소</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="120"/>
        <source>cosine decay</source>
        <translation>코사인 감소</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="122"/>
        <source>Schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="124"/>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="125"/>
        <source>bf16 (autocast)</source>
        <translation>bf16 (autocast)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="126"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="128"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="130"/>
        <source>all cores</source>
        <translation>모든 코어</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="131"/>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="133"/>
        <source>Data-parallel training: this many processes on this machine, each taking an equal share of every batch; their gradients are summed after each step (PyTorch&apos;s c10d with Gloo). For several machines use torchrun or mpirun (README).</source>
        <translation>데이터 병렬 학습: 이 컴퓨터에서 이만큼의 프로세스가 매 배치를 똑같이 나누어 맡고, 매 스텝 뒤에 그래디언트를 합칩니다(PyTorch c10d, Gloo). 여러 대의 컴퓨터에서는 torchrun이나 mpirun을 쓰세요(README 참고).</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="136"/>
        <source>Processes on this machine</source>
        <translation>이 컴퓨터의 프로세스 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="142"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="143"/>
        <source>Evaluate every</source>
        <translation>평가 간격</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="144"/>
        <source>Checkpoint every</source>
        <translation>체크포인트 간격</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="145"/>
        <source>Mask probability</source>
        <translation>마스킹 확률</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="147"/>
        <source>Probe sentence</source>
        <translation>관찰용 문장</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="149"/>
        <source>bundled Brown corpus</source>
        <translation>내장 Brown 말뭉치</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="150"/>
        <location filename="../ui/config/ConfigEditor.cpp" line="241"/>
        <location filename="../ui/config/ConfigEditor.cpp" line="254"/>
        <location filename="../ui/config/ConfigEditor.cpp" line="267"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="154"/>
        <source>Corpus</source>
        <translation>말뭉치</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="158"/>
        <source>More text that only trains (a file or a folder of .txt files, e.g. the one scripts/extra_corpus.py writes from WordNet and the King James Bible): the held-out documents and the unigram baseline stay the corpus&apos;s, so the run is measured as one on the corpus alone.</source>
        <translation>학습에만 쓰는 추가 텍스트(.txt 파일 하나 또는 .txt 파일이 든 폴더. 예: scripts/extra_corpus.py가 WordNet과 킹 제임스 성경에서 만든 폴더). 평가용으로 떼어 둔 문서와 유니그램 기준선은 말뭉치의 것을 그대로 쓰므로, 이 실행은 말뭉치만으로 학습한 실행과 같은 기준으로 측정됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="162"/>
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="166"/>
        <source>Extra training text</source>
        <translation>추가 학습 텍스트</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="168"/>
        <source>More (optimizer, objectives, bookkeeping)</source>
        <translation>더 보기 (옵티마이저, 학습 목표, 기록)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="178"/>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="179"/>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="180"/>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="181"/>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="182"/>
        <source>Gradient clipping (0: off)</source>
        <translation>기울기 클리핑 (0: 끔)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="183"/>
        <source>Gradient accumulation</source>
        <translation>기울기 누적</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="184"/>
        <source>Embedding dropout</source>
        <translation>임베딩 드롭아웃</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="185"/>
        <source>LayerNorm ε</source>
        <translation>LayerNorm ε</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="186"/>
        <source>Init std</source>
        <translation>초기화 표준편차</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="187"/>
        <source>[MASK] share of selected</source>
        <translation>선택된 토큰 중 [MASK] 비율</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="188"/>
        <source>Random-token share</source>
        <translation>무작위 토큰 비율</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="189"/>
        <source>Max predictions per sequence</source>
        <translation>시퀀스당 최대 예측 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="190"/>
        <source>mask whole words</source>
        <translation>단어 전체를 마스킹</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="192"/>
        <source>Whole-word masking</source>
        <translation>단어 단위 마스킹</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="193"/>
        <source>n-gram masking up to n</source>
        <translation>n-gram 마스킹 최대 n</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="194"/>
        <source>fresh masks every epoch</source>
        <translation>에포크마다 새 마스크</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="196"/>
        <source>Dynamic masking</source>
        <translation>동적 마스킹</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="197"/>
        <source>Short-sequence probability</source>
        <translation>짧은 시퀀스 확률</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="199"/>
        <source>BERT&apos;s schedule: train the first steps on shorter sequences (as many tokens a step), then on the full length. 0: off.</source>
        <translation>BERT의 일정: 처음 스텝들은 더 짧은 시퀀스로 (스텝당 토큰 수는 같게) 학습하고, 그 뒤 전체 길이로 학습합니다. 0: 끔.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="201"/>
        <source>Start on sequences of (0: off)</source>
        <translation>처음 시퀀스 길이 (0: 끔)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="202"/>
        <source>… for this share of the steps</source>
        <translation>… 전체 스텝 중 이 비율 동안</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="203"/>
        <source>start the position embeddings as sinusoids</source>
        <translation>위치 임베딩을 사인파로 시작</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="204"/>
        <source>Vaswani et al.&apos;s sin/cos table as the initial value of the learned position embeddings (an init only; the checkpoint layout stays Hugging Face&apos;s)</source>
        <translation>학습되는 위치 임베딩의 초깃값으로 Vaswani 등의 sin/cos 표를 씁니다 (초기화만 바뀌며 체크포인트 구조는 Hugging Face 그대로입니다)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="207"/>
        <source>Position init</source>
        <translation>위치 임베딩 초기화</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="208"/>
        <source>record what the model learns first</source>
        <translation>모델이 먼저 배우는 것을 기록</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="209"/>
        <source>At each evaluation: held-out accuracy by word class and the structure of every attention head (the &apos;What it learns first&apos; tab)</source>
        <translation>평가 때마다 단어 종류별 평가 정확도와 모든 어텐션 헤드의 구조를 기록합니다 (&apos;먼저 배우는 것&apos; 탭)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="212"/>
        <source>Training dynamics</source>
        <translation>학습 동역학</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="213"/>
        <source>Held-out share</source>
        <translation>평가용 문서 비율</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="214"/>
        <source>Eval batches</source>
        <translation>평가 배치 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="215"/>
        <source>Log every</source>
        <translation>기록 간격</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="216"/>
        <source>Probe every</source>
        <translation>관찰 간격</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="217"/>
        <source>Keep last checkpoints (0: all)</source>
        <translation>유지할 최근 체크포인트 수 (0: 모두)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="218"/>
        <source>train NSP / SOP too</source>
        <translation>NSP / SOP도 학습</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="219"/>
        <source>BERT and ALBERT: off trains the masked LM alone (the paper&apos;s BERT baseline in ELECTRA&apos;s comparison)</source>
        <translation>BERT와 ALBERT: 끄면 마스크 언어 모델만 학습합니다 (ELECTRA 논문의 비교에서 쓴 BERT 기준선)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="221"/>
        <source>Sentence-pair loss</source>
        <translation>문장 쌍 손실</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="222"/>
        <source>ELECTRA generator size (× hidden)</source>
        <translation>ELECTRA 생성자 크기 (× hidden)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="223"/>
        <source>ELECTRA λ (discriminator weight)</source>
        <translation>ELECTRA λ (판별자 가중치)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="224"/>
        <source>ELECTRA sampling temperature</source>
        <translation>ELECTRA 샘플링 온도</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="226"/>
        <source>A curriculum: the generator samples at this temperature first and moves linearly to the sampling temperature (a higher one gives easier, less plausible replacements). 0: off.</source>
        <translation>커리큘럼: 생성자는 처음에 이 온도로 샘플링하고 샘플링 온도까지 선형으로 옮겨 갑니다(온도가 높을수록 그럴듯함이 덜한, 쉬운 대체 토큰). 0: 끔.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="228"/>
        <source>ELECTRA temperature at the start (0: off)</source>
        <translation>ELECTRA 시작 온도 (0: 끔)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="229"/>
        <source>… reached after steps (0: the whole run)</source>
        <translation>… 도달까지의 스텝 수 (0: 실행 전체)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="232"/>
        <source>the generator&apos;s samples (ELECTRA)</source>
        <translation>생성자의 샘플 (ELECTRA)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="233"/>
        <source>random words by corpus frequency (a test of context)</source>
        <translation>말뭉치 빈도에 따른 무작위 단어 (문맥 검사)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="234"/>
        <source>With random words drawn by frequency, a discriminator that ignores context can do no better than AUC 0.5; one that reads the sentence climbs above it.</source>
        <translation>빈도에 따라 뽑은 무작위 단어로 바꾸면, 문맥을 무시하는 판별자는 AUC 0.5보다 나을 수 없습니다. 문장을 읽는 판별자는 그 위로 올라갑니다.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="237"/>
        <source>ELECTRA replacements</source>
        <translation>ELECTRA 대체 토큰</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="239"/>
        <source>a new generator</source>
        <translation>새 생성자</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="240"/>
        <source>An ELECTRA checkpoint folder: the generator starts from its generator/</source>
        <translation>ELECTRA 체크포인트 폴더: 생성자가 그 폴더의 generator/에서 시작합니다</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="245"/>
        <source>ELECTRA generator from</source>
        <translation>ELECTRA 생성자 출처</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="246"/>
        <source>keep that generator fixed</source>
        <translation>그 생성자를 고정</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="247"/>
        <source>A fresh discriminator learns against a generator that no longer changes</source>
        <translation>새 판별자가 더 이상 바뀌지 않는 생성자를 상대로 학습합니다</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="249"/>
        <source>Freeze the generator</source>
        <translation>생성자 고정</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="251"/>
        <source>a new discriminator</source>
        <translation>새 판별자</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="252"/>
        <source>A BERT or ELECTRA checkpoint folder of the same shape: the discriminator&apos;s embeddings and layers start from its encoder, so it reads context from the first step</source>
        <translation>같은 구조의 BERT 또는 ELECTRA 체크포인트 폴더: 판별자의 임베딩과 층이 그 인코더에서 시작하므로 첫 스텝부터 문맥을 읽습니다</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="258"/>
        <source>ELECTRA discriminator from</source>
        <translation>ELECTRA 판별자 출처</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="260"/>
        <source>BERT or ELECTRA checkpoint folder</source>
        <translation>BERT 또는 ELECTRA 체크포인트 폴더</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="265"/>
        <source>the shipped WordNet TransE embeddings</source>
        <translation>함께 제공되는 WordNet TransE 임베딩</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="266"/>
        <source>ERNIE: a TransE folder (pretrainlab-cli transe train) whose entity vectors feed the K-Encoder</source>
        <translation>ERNIE: 개체 벡터를 K-인코더에 넣을 TransE 폴더 (pretrainlab-cli transe train)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="271"/>
        <source>ERNIE entity table</source>
        <translation>ERNIE 개체 표</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="273"/>
        <source>TransE folder</source>
        <translation>TransE 폴더</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="277"/>
        <source>ERNIE&apos;s denoising entity auto-encoder: the share of aligned entities hidden from the entity stream (the model must still name them)</source>
        <translation>ERNIE의 잡음 제거 개체 오토인코더: 정렬된 개체 중 개체 흐름에서 가리는 비율 (모델은 그래도 그 개체를 맞혀야 합니다)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="279"/>
        <source>ERNIE: entities hidden</source>
        <translation>ERNIE: 가리는 개체 비율</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="280"/>
        <source>ERNIE: entities swapped for random ones</source>
        <translation>ERNIE: 무작위 개체로 바꾸는 비율</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="281"/>
        <source>ERNIE: dEA loss weight</source>
        <translation>ERNIE: dEA 손실 가중치</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="283"/>
        <source>ELECTRA checkpoint with a generator/ folder</source>
        <translation>generator/ 폴더가 있는 ELECTRA 체크포인트</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="296"/>
        <location filename="../ui/config/ConfigEditor.cpp" line="631"/>
        <source>Start training</source>
        <translation>학습 시작</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="334"/>
        <source>Folder of extra training text</source>
        <translation>추가 학습 텍스트 폴더</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="338"/>
        <source>Corpus text file</source>
        <translation>말뭉치 텍스트 파일</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="338"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>텍스트 파일 (*.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="555"/>
        <source>Cannot start: %1</source>
        <translation>시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="560"/>
        <source>Global batch: %1 × %2 tokens%3 = %4 tokens a step.</source>
        <translation>전체 배치: %1 × 토큰 %2개%3 = 스텝당 토큰 %4개.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="567"/>
        <source>Each of the %1 processes takes %2 sequences.</source>
        <translation>프로세스 %1개가 각각 시퀀스 %2개씩 맡습니다.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="563"/>
        <source> × %1 accumulated</source>
        <translation> × 누적 %1회</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="568"/>
        <source>It does not split evenly among %1 processes.</source>
        <translation>프로세스 %1개에 똑같이 나누어지지 않습니다.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="574"/>
        <source>&lt;i&gt;Fix the model fields to see its parameter count.&lt;/i&gt;</source>
        <translation>&lt;i&gt;모델 항목을 고치면 파라미터 수가 표시됩니다.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="585"/>
        <source>Embeddings</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="586"/>
        <source>V×E + E×H = %1×%2 + %2×%3</source>
        <translation>V×E + E×H = %1×%2 + %2×%3</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="587"/>
        <source>V×H = %1×%2</source>
        <translation>V×H = %1×%2</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="590"/>
        <source>Attention</source>
        <translation>어텐션</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="590"/>
        <location filename="../ui/config/ConfigEditor.cpp" line="591"/>
        <source>1 shared block</source>
        <translation>공유 블록 1개</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="590"/>
        <location filename="../ui/config/ConfigEditor.cpp" line="591"/>
        <source>%1 layers</source>
        <translation>%1개 층</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="591"/>
        <source>Feed-forward</source>
        <translation>피드포워드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="592"/>
        <source>Final LayerNorm</source>
        <translation>마지막 LayerNorm</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="593"/>
        <source>Heads</source>
        <translation>헤드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="594"/>
        <source>LM head tied to the embeddings</source>
        <translation>임베딩과 묶인 LM 헤드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="595"/>
        <source>dense + dense(1)</source>
        <translation>dense + dense(1)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="596"/>
        <source>pooler, NSP/SOP, MLM transform</source>
        <translation>풀러, NSP/SOP, MLM 변환</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="598"/>
        <source>Knowledge (ERNIE)</source>
        <translation>지식 (ERNIE)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="599"/>
        <source>%1 K-Encoder layers: entity attention, fusion; dEA head (entity table frozen)</source>
        <translation>K-인코더 %1개 층: 개체 어텐션, 융합; dEA 헤드 (개체 표는 고정)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="606"/>
        <source>Generator</source>
        <translation>생성자</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="606"/>
        <source>H%1, embeddings shared</source>
        <translation>H%1, 임베딩 공유</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="610"/>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="612"/>
        <source>&lt;br&gt;%1 parameters saved versus unshared (%2).</source>
        <translation>&lt;br&gt;공유하지 않을 때(%2)보다 파라미터 %1개를 절약합니다.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="616"/>
        <source>&lt;br&gt;Memory: weights + gradients + Adam %1; activations for %2 × %3 about %4.</source>
        <translation>&lt;br&gt;메모리: 가중치 + 기울기 + Adam %1, %2 × %3 활성값 약 %4.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="622"/>
        <source>&lt;br&gt;&lt;span style=&apos;color:#b00020&apos;&gt;More than this machine has free (%1): the run would be refused. Lower the batch size, the sequence length or the model&apos;s size.&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#b00020&apos;&gt;이 컴퓨터의 여유 메모리(%1)보다 많습니다: 이 실행은 거부됩니다. 배치 크기, 시퀀스 길이 또는 모델 크기를 줄이세요.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="631"/>
        <source>A run is training…</source>
        <translation>학습 중인 실행이 있습니다…</translation>
    </message>
</context>
<context>
    <name>ptl::ui::CurvesPanel</name>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="45"/>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="46"/>
        <source>tokens seen</source>
        <translation>본 토큰 수</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="47"/>
        <source>training FLOPs (estimated)</source>
        <translation>학습 FLOPs (추정)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="48"/>
        <source>wall time (s)</source>
        <translation>경과 시간 (초)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="49"/>
        <source>relative time (s)</source>
        <translation>상대 시간 (초)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="57"/>
        <source>Exponential moving average, debiased (as TensorBoard); the raw curve stays faint behind</source>
        <translation>편향 보정 지수 이동 평균 (TensorBoard와 같음). 원래 곡선은 뒤에 흐리게 남습니다</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="59"/>
        <source>log y</source>
        <translation>로그 y</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="60"/>
        <source>baseline</source>
        <translation>기준선</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="62"/>
        <source>Dashed: what a model that ignores context scores on the same data (the unigram entropy of the predicted tokens; for ELECTRA&apos;s discriminator the entropy of the replaced share). A curve below it means the model uses context.</source>
        <translation>점선: 문맥을 무시하는 모델이 같은 데이터에서 얻는 값 (예측하는 토큰의 유니그램 엔트로피, ELECTRA 판별자는 대체 비율의 엔트로피). 곡선이 이 선보다 아래면 모델이 문맥을 쓰고 있다는 뜻입니다.</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="65"/>
        <source>Reset view</source>
        <translation>보기 초기화</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="66"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="76"/>
        <source>Select runs in the Runs panel (Ctrl-click for several) to see their curves.</source>
        <translation>실행 목록에서 실행을 선택하면 곡선이 보입니다 (여러 개는 Ctrl+클릭).</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="81"/>
        <source>Metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="83"/>
        <source>x-axis</source>
        <translation>x축</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="85"/>
        <source>Smoothing</source>
        <translation>평활화</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="128"/>
        <location filename="../ui/curves/CurvesPanel.cpp" line="131"/>
        <source>Export curves</source>
        <translation>곡선 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="129"/>
        <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg);;CSV of what is shown (*.csv)</source>
        <translation>PNG 이미지 (*.png);;PDF (*.pdf);;SVG (*.svg);;보이는 데이터 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="359"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="373"/>
        <source>a simple non-neural model (%1)</source>
        <translation>단순한 비신경망 모델 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="374"/>
        <source>#%1 a simple non-neural model (%2)</source>
        <translation>#%1 단순한 비신경망 모델 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="376"/>
        <source>a model that ignores context (%1)</source>
        <translation>문맥을 무시하는 모델 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="377"/>
        <source>#%1 a model that ignores context (%2)</source>
        <translation>#%1 문맥을 무시하는 모델 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="409"/>
        <source>a simple non-neural model</source>
        <translation>단순한 비신경망 모델</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="410"/>
        <source>%1
the task&apos;s simple baseline, fitted on its training split: bag-of-words logistic regression (classification) or each word&apos;s most frequent tag (tagging)</source>
        <translation>%1
과제의 단순 기준선 (학습 분할로 맞춤): 단어 주머니 로지스틱 회귀 (분류) 또는 단어마다 가장 흔한 태그 (태깅)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="413"/>
        <source>%1
the unigram baseline: a model that ignores context and predicts by word frequency alone</source>
        <translation>%1
유니그램 기준선: 문맥을 무시하고 단어 빈도만으로 예측하는 모델</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="420"/>
        <source>%1
x = %2
smoothed %3
raw %4</source>
        <translation>%1
x = %2
평활값 %3
원래 값 %4</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="441"/>
        <source>PretrainLab curves</source>
        <translation>PretrainLab 곡선</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="465"/>
        <source>Unknown file type &apos;%1&apos;: use .png, .pdf, .svg or .csv</source>
        <translation>알 수 없는 파일 형식 &apos;%1&apos;: .png, .pdf, .svg, .csv 중 하나를 쓰세요</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="468"/>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ptl::ui::DistillPanel</name>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="140"/>
        <source>Choose folder…</source>
        <translation>폴더 선택…</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="141"/>
        <source>Shipped BERT-mini</source>
        <translation>기본 제공 BERT-mini</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="143"/>
        <source>DistilBERT: same width, fewer layers</source>
        <translation>DistilBERT: 같은 너비, 더 적은 층</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="144"/>
        <source>TinyBERT: narrower, layer-to-layer</source>
        <translation>TinyBERT: 더 좁게, 층 대 층</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="168"/>
        <source>Teacher</source>
        <translation>교사</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="170"/>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="171"/>
        <source>Student layers</source>
        <translation>학생 층 수</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="172"/>
        <source>Student hidden size</source>
        <translation>학생 은닉 크기</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="173"/>
        <source>Steps</source>
        <translation>스텝 수</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="174"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="175"/>
        <source>Temperature T</source>
        <translation>온도 T</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="176"/>
        <source>α soft targets (KL·T²)</source>
        <translation>α 소프트 타깃 (KL·T²)</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="177"/>
        <source>α MLM</source>
        <translation>α MLM</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="178"/>
        <source>α cosine of hidden states</source>
        <translation>α 은닉 상태 코사인</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="179"/>
        <source>α attention scores</source>
        <translation>α 어텐션 점수</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="180"/>
        <source>α hidden states (W_h)</source>
        <translation>α 은닉 상태 (W_h)</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="181"/>
        <source>α embeddings</source>
        <translation>α 임베딩</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="182"/>
        <source>α predictions</source>
        <translation>α 예측</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="188"/>
        <source>Start distillation</source>
        <translation>증류 시작</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="189"/>
        <source>Student and training</source>
        <translation>학생과 학습</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="199"/>
        <source>the student&apos;s checkpoint folder (pick a distillation run in the Runs panel)</source>
        <translation>학생 체크포인트 폴더 (실행 패널에서 증류 실행을 고르세요)</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="200"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="204"/>
        <source>head </source>
        <translation>헤드 </translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="205"/>
        <source>Compare attention</source>
        <translation>어텐션 비교</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="216"/>
        <source>Student</source>
        <translation>학생</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="229"/>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="230"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="235"/>
        <source>measure</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="235"/>
        <source>teacher</source>
        <translation>교사</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="235"/>
        <source>student</source>
        <translation>학생</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="235"/>
        <source>% of teacher</source>
        <translation>교사 대비 %</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="241"/>
        <source>Measure teacher and student</source>
        <translation>교사와 학생 측정</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="251"/>
        <source>Attention: teacher vs student</source>
        <translation>어텐션: 교사 대 학생</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="252"/>
        <source>Per-layer losses</source>
        <translation>층별 손실</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="253"/>
        <source>Teacher vs student</source>
        <translation>교사 대 학생</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="267"/>
        <source>The teacher&apos;s checkpoint folder</source>
        <translation>교사의 체크포인트 폴더</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="271"/>
        <source>The student&apos;s checkpoint folder</source>
        <translation>학생의 체크포인트 폴더</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="344"/>
        <source>TinyBERT: each student layer learns one teacher layer (g(m) = m·N/M)</source>
        <translation>TinyBERT: 학생의 각 층이 교사의 한 층을 배웁니다 (g(m) = m·N/M)</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="345"/>
        <source>DistilBERT: each student layer starts as a copy of one teacher layer</source>
        <translation>DistilBERT: 학생의 각 층은 교사의 한 층을 복사해서 시작합니다</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="348"/>
        <source>Student: %1, %2 layers, hidden %3, %4 heads · %5 parameters, %6 non-embedding = %7% of the teacher&apos;s %8.</source>
        <translation>학생: %1, 층 %2개, hidden %3, 헤드 %4개 · 파라미터 %5개, 임베딩 제외 %6개 = 교사(%8개)의 %7%.</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="420"/>
        <source>TinyBERT: the run&apos;s layer map</source>
        <translation>TinyBERT: 이 실행의 층 대응</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="421"/>
        <source>DistilBERT: the layers the run&apos;s student started from</source>
        <translation>DistilBERT: 이 실행의 학생이 복사해 시작한 층</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="486"/>
        <location filename="../ui/distill/DistillPanel.cpp" line="556"/>
        <source>Pick a distillation run in the Runs panel, or give the student&apos;s checkpoint folder.</source>
        <translation>실행 패널에서 증류 실행을 고르거나 학생의 체크포인트 폴더를 지정하세요.</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="489"/>
        <source>Comparing…</source>
        <translation>비교하는 중…</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="527"/>
        <source>Student layer %1 ↔ teacher layer %2 — MSE per head: %3</source>
        <translation>학생 층 %1 ↔ 교사 층 %2 — 헤드별 MSE: %3</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="532"/>
        <source>teacher layer %1, head %2</source>
        <translation>교사 층 %1, 헤드 %2</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="534"/>
        <source>student layer %1, head %2</source>
        <translation>학생 층 %1, 헤드 %2</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="544"/>
        <source>%1 layer pairs on %2 tokens; mean MSE per head %3. Attention probabilities, 0 to 1: the smaller the MSE, the closer the student&apos;s map to its teacher layer&apos;s.</source>
        <translation>토큰 %2개에서 층 쌍 %1개; 헤드별 평균 MSE %3. 어텐션 확률(0~1) 기준으로, MSE가 작을수록 학생의 지도가 교사 층의 지도에 가깝습니다.</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="559"/>
        <source>Measuring (latency, then held-out MLM accuracy on the bundled corpus)…</source>
        <translation>측정하는 중 (지연 시간, 그다음 번들 말뭉치의 평가용 MLM 정확도)…</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="583"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="585"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="587"/>
        <source>Non-embedding parameters</source>
        <translation>임베딩 제외 파라미터</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="589"/>
        <source>File size (model.safetensors)</source>
        <translation>파일 크기 (model.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="589"/>
        <location filename="../ui/distill/DistillPanel.cpp" line="590"/>
        <source>%1 (%2 bytes/param)</source>
        <translation>%1 (파라미터당 %2바이트)</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="592"/>
        <source>Inference latency (batch %1 × %2 tokens, %3 threads)</source>
        <translation>추론 지연 시간 (배치 %1 × 토큰 %2개, 스레드 %3개)</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="593"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="593"/>
        <source>%1 ms (%2× faster)</source>
        <translation>%1 ms (%2배 빠름)</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="595"/>
        <source>Held-out MLM loss</source>
        <translation>평가용 MLM 손실</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="596"/>
        <source>Held-out MLM accuracy (%1 masked positions)</source>
        <translation>평가용 MLM 정확도 (마스크 위치 %1개)</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="608"/>
        <source>Teacher: %1
Student: %2
Measured now on this machine: the same input for the latency (encoder, fp32, median of %3), the same masked held-out batches for the accuracy.</source>
        <translation>교사: %1
학생: %2
지금 이 컴퓨터에서 측정: 지연 시간은 같은 입력(인코더, fp32, %3회의 중앙값), 정확도는 같은 마스크된 평가용 배치.</translation>
    </message>
</context>
<context>
    <name>ptl::ui::DynamicsPanel</name>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="49"/>
        <source>punctuation</source>
        <translation>문장 부호</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="50"/>
        <source>determiners</source>
        <translation>한정사</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="51"/>
        <source>prepositions</source>
        <translation>전치사</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="52"/>
        <source>pronouns</source>
        <translation>대명사</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="53"/>
        <source>auxiliaries</source>
        <translation>조동사</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="54"/>
        <source>verbs</source>
        <translation>동사</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="55"/>
        <source>nouns</source>
        <translation>명사</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="56"/>
        <source>adjectives</source>
        <translation>형용사</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="57"/>
        <source>proper nouns</source>
        <translation>고유 명사</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="58"/>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="59"/>
        <source>100 most frequent tokens</source>
        <translation>가장 흔한 토큰 100개</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="60"/>
        <source>frequency rank 100-1,000</source>
        <translation>빈도 순위 100–1,000</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="61"/>
        <source>rarer than rank 1,000</source>
        <translation>순위 1,000보다 드문 토큰</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="71"/>
        <source>Select a run in the Runs panel. Every run records, at each evaluation, how well the model guesses held-out masked words of each kind and what its attention heads look at.</source>
        <translation>실행 패널에서 실행을 고르세요. 모든 실행은 평가 때마다 모델이 평가용 문서의 가려진 단어를 종류별로 얼마나 잘 맞히는지, 어텐션 헤드가 어디를 보는지 기록합니다.</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="77"/>
        <source>by part of speech (Brown&apos;s tags)</source>
        <translation>품사별 (Brown 태그)</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="78"/>
        <source>by word frequency</source>
        <translation>단어 빈도별</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="80"/>
        <source>entropy of attention (low = focused)</source>
        <translation>어텐션 엔트로피 (낮을수록 집중)</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="81"/>
        <source>attention on the previous token</source>
        <translation>바로 앞 토큰에 주는 어텐션</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="82"/>
        <source>attention on [CLS] / [SEP]</source>
        <translation>[CLS] / [SEP]에 주는 어텐션</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="83"/>
        <source>determiner / adjective → its noun</source>
        <translation>한정사 / 형용사 → 그 명사</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="84"/>
        <source>loss ÷ unigram</source>
        <translation>손실 ÷ 유니그램</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="262"/>
        <source>held-out loss ÷ unigram baseline</source>
        <translation>평가 손실 ÷ 유니그램 기준선</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="85"/>
        <source>held-out accuracy</source>
        <translation>평가 정확도</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="86"/>
        <source>per head</source>
        <translation>헤드별</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="99"/>
        <source>&lt;b&gt;Which words it gets right&lt;/b&gt; (masked held-out tokens)</source>
        <translation>&lt;b&gt;어떤 단어를 맞히는가&lt;/b&gt; (평가용 문서의 가려진 토큰)</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="103"/>
        <source>&lt;b&gt;What its heads look at&lt;/b&gt;</source>
        <translation>&lt;b&gt;헤드는 어디를 보는가&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="110"/>
        <source>&lt;b&gt;Past the plateau?&lt;/b&gt; Below 1.0 the model beats a model that ignores context</source>
        <translation>&lt;b&gt;정체 구간을 벗어났는가?&lt;/b&gt; 1.0보다 아래면 문맥을 무시하는 모델보다 낫습니다</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="157"/>
        <source>Could not read the run store: %1</source>
        <translation>실행 저장소를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="160"/>
        <source>&lt;b&gt;What run #%1 %2 learns first&lt;/b&gt; — %3 evaluations</source>
        <translation>&lt;b&gt;실행 #%1 %2이(가) 먼저 배우는 것&lt;/b&gt; — 평가 %3회</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="161"/>
        <source>&lt;b&gt;What a model learns first&lt;/b&gt;</source>
        <translation>&lt;b&gt;모델이 먼저 배우는 것&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="199"/>
        <source>all masked tokens</source>
        <translation>가려진 토큰 전체</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="217"/>
        <source>layer %1 head %2</source>
        <translation>%1층 헤드 %2</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="235"/>
        <source>Run #%1 has no dynamics snapshots yet: they are recorded at each evaluation (runs trained before this view existed, or with dynamics=false, have none).</source>
        <translation>실행 #%1에는 아직 학습 동역학 스냅숏이 없습니다. 평가 때마다 기록됩니다 (이 보기가 생기기 전에 학습했거나 dynamics=false로 학습한 실행에는 없습니다).</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="257"/>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../ui/dynamics/DynamicsPanel.cpp" line="272"/>
        <source>1.0 = a model that ignores context (unigram)</source>
        <translation>1.0 = 문맥을 무시하는 모델 (유니그램)</translation>
    </message>
</context>
<context>
    <name>ptl::ui::ExperimentDialog</name>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="30"/>
        <source>ELECTRA vs BERT at equal compute</source>
        <translation>같은 계산량에서 ELECTRA 대 BERT</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="35"/>
        <source>&lt;p&gt;ELECTRA&apos;s claim (Clark et al. 2020, Table 1): at the same pre-training compute, replaced-token detection gives a better encoder than masked-LM — GLUE 79.9 for ELECTRA-Small against 75.1 for BERT-Small. This trains &lt;b&gt;BERT-tiny with the masked LM only&lt;/b&gt; and &lt;b&gt;ELECTRA-tiny&lt;/b&gt; for the same estimated training FLOPs on the bundled corpus, then reads both encoders the same way: a linear probe that tells the Brown corpus&apos;s 15 genres apart from mean-pooled hidden states (every 5th document of each genre held out). Whatever it measures is shown as measured.&lt;/p&gt;</source>
        <translation>&lt;p&gt;ELECTRA의 주장 (Clark 외 2020, 표 1): 같은 사전 학습 계산량이라면 대체 토큰 탐지가 마스크 언어 모델보다 더 나은 인코더를 만든다 — GLUE에서 ELECTRA-Small 79.9, BERT-Small 75.1. 여기서는 &lt;b&gt;마스크 언어 모델만 쓰는 BERT-tiny&lt;/b&gt;와 &lt;b&gt;ELECTRA-tiny&lt;/b&gt;를 번들 말뭉치에서 같은 추정 학습 FLOPs만큼 학습한 뒤, 두 인코더를 똑같은 방법으로 읽습니다: 평균 풀링한 은닉 상태로 Brown 말뭉치의 15개 장르를 구분하는 선형 프로브입니다 (장르마다 다섯 번째 문서를 평가용으로 떼어 둠). 어떤 결과가 나오든 측정한 그대로 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="61"/>
        <source>ELECTRA steps (set the budget)</source>
        <translation>ELECTRA 스텝 수 (예산을 정함)</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="62"/>
        <source>Probes along each run</source>
        <translation>실행마다 프로브 횟수</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="63"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="64"/>
        <source>Sequence length</source>
        <translation>시퀀스 길이</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="65"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="67"/>
        <source>none: the paper&apos;s setting (e.g. gen_temperature_start=3)</source>
        <translation>없음: 논문의 설정 (예: gen_temperature_start=3)</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="68"/>
        <source>Settings for the ELECTRA model only, key=value separated by spaces: gen_temperature_start, gen_temperature_steps, generator_ratio, disc_weight, … (README, ELECTRA: what keeps the discriminator learning)</source>
        <translation>ELECTRA 모델에만 적용할 설정, 공백으로 구분한 key=value: gen_temperature_start, gen_temperature_steps, generator_ratio, disc_weight, … (README의 ELECTRA 절: 판별자가 계속 학습하게 하는 설정)</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="71"/>
        <source>ELECTRA settings</source>
        <translation>ELECTRA 설정</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="72"/>
        <source>Budget</source>
        <translation>예산</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="73"/>
        <source>Start the experiment</source>
        <translation>실험 시작</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="74"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="75"/>
        <source>Show both runs in the curves</source>
        <translation>두 실행을 곡선에 표시</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="76"/>
        <source>Plot genre_probe_accuracy of both runs against training FLOPs in the Training curves tab</source>
        <translation>학습 곡선 탭에 두 실행의 genre_probe_accuracy를 학습 FLOPs 축으로 그립니다</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="85"/>
        <source>training FLOPs (estimated)</source>
        <translation>학습 FLOPs (추정)</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="86"/>
        <source>held-out genre accuracy</source>
        <translation>평가용 장르 정확도</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="89"/>
        <source>BERT-tiny (MLM)</source>
        <translation>BERT-tiny (MLM)</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="89"/>
        <source>ELECTRA-tiny</source>
        <translation>ELECTRA-tiny</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="92"/>
        <source>%1, sequences</source>
        <translation>%1, 시퀀스</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="96"/>
        <source>%1, documents</source>
        <translation>%1, 문서</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="116"/>
        <source>Stopping after the current step…</source>
        <translation>현재 스텝이 끝나면 멈춥니다…</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="130"/>
        <source>Training run %1: step %2 of %3</source>
        <translation>실행 %1 학습 중: 스텝 %2 / %3</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="175"/>
        <source>%1 training FLOPs per model: ELECTRA-tiny %2 steps at %3 FLOPs a token, BERT-tiny %4 steps at %5</source>
        <translation>모델마다 학습 FLOPs %1: ELECTRA-tiny는 토큰당 %3 FLOPs로 %2 스텝, BERT-tiny는 토큰당 %5로 %4 스텝</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="191"/>
        <source>Another run is training; start the experiment when it has finished.</source>
        <translation>다른 실행이 학습 중입니다. 끝난 뒤 실험을 시작하세요.</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="223"/>
        <source>ELECTRA settings: “%1” is not key=value</source>
        <translation>ELECTRA 설정: “%1”은(는) key=value 형식이 아닙니다</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="232"/>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="241"/>
        <source>The experiment&apos;s report could not be read.</source>
        <translation>실험 보고서를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="246"/>
        <source>The experiment ended: %1. %2</source>
        <translation>실험이 끝났습니다: %1. %2</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="265"/>
        <source>majority class</source>
        <translation>최빈 클래스</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="278"/>
        <source>no clear difference</source>
        <translation>뚜렷한 차이 없음</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="278"/>
        <source>ELECTRA ahead</source>
        <translation>ELECTRA 우세</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="278"/>
        <source>BERT ahead</source>
        <translation>BERT 우세</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="279"/>
        <source>At %1 training FLOPs each: ELECTRA %2%, BERT (MLM) %3% held-out genre accuracy — %4 (difference %5 points, one standard error %6).</source>
        <translation>각각 학습 FLOPs %1에서 평가용 장르 정확도: ELECTRA %2%, BERT (MLM) %3% — %4 (차이 %5 포인트, 표준 오차 하나 %6).</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="290"/>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;run&lt;/th&gt;&lt;th&gt;steps&lt;/th&gt;&lt;th&gt;FLOPs&lt;/th&gt;&lt;th&gt;seconds&lt;/th&gt;&lt;th&gt;sequences&lt;/th&gt;&lt;th&gt;documents&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BERT-tiny (MLM)&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;td&gt;%6%&lt;/td&gt;&lt;td&gt;%7%&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;ELECTRA-tiny&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;td&gt;%10&lt;/td&gt;&lt;td&gt;%11&lt;/td&gt;&lt;td&gt;%12%&lt;/td&gt;&lt;td&gt;%13%&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p style=&apos;color:#555&apos;&gt;%14 held-out sequences from %15 documents; chance %16%, majority class %17%.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;실행&lt;/th&gt;&lt;th&gt;스텝&lt;/th&gt;&lt;th&gt;FLOPs&lt;/th&gt;&lt;th&gt;초&lt;/th&gt;&lt;th&gt;시퀀스&lt;/th&gt;&lt;th&gt;문서&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BERT-tiny (MLM)&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;td&gt;%6%&lt;/td&gt;&lt;td&gt;%7%&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;ELECTRA-tiny&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;td&gt;%10&lt;/td&gt;&lt;td&gt;%11&lt;/td&gt;&lt;td&gt;%12%&lt;/td&gt;&lt;td&gt;%13%&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p style=&apos;color:#555&apos;&gt;문서 %15개에서 나온 평가용 시퀀스 %14개; 무작위 %16%, 최빈 클래스 %17%.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/electra/ExperimentDialog.cpp" line="312"/>
        <source>Finished.</source>
        <translation>끝났습니다.</translation>
    </message>
</context>
<context>
    <name>ptl::ui::FewShotPanel</name>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="41"/>
        <source>A GPT checkpoint folder (causal language model)</source>
        <translation>GPT 체크포인트 폴더 (인과 언어 모델)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="42"/>
        <source>Shipped GPT</source>
        <translation>기본 제공 GPT</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="50"/>
        <source>How many demonstrations the prompt shows before the test item, one run per value</source>
        <translation>테스트 문항 앞에 프롬프트가 보여 줄 시연 예시의 개수. 값마다 한 번씩 실행합니다</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="57"/>
        <source>Draws the demonstrations</source>
        <translation>시연 예시를 뽑는 시드</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="58"/>
        <source>begin with the task description</source>
        <translation>과제 설명으로 시작</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="60"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="61"/>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="70"/>
        <source>K (demonstrations)</source>
        <translation>K (시연 예시 수)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="71"/>
        <source>Test items</source>
        <translation>테스트 문항 수</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="72"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="76"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="192"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="264"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="78"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="198"/>
        <source>Task</source>
        <translation>과제</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="100"/>
        <source>K: demonstrations in the prompt</source>
        <translation>K: 프롬프트 속 시연 예시 수</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="101"/>
        <source>test accuracy (%)</source>
        <translation>테스트 정확도 (%)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="119"/>
        <source>Which test item</source>
        <translation>어느 테스트 문항</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="127"/>
        <source>Draw K from the pool</source>
        <translation>예시 풀에서 K개 뽑기</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="128"/>
        <source>Remove selected</source>
        <translation>선택 항목 지우기</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="131"/>
        <source>The demonstrations, in order: drag to reorder, double-click to edit</source>
        <translation>시연 예시 (순서대로): 끌어서 순서를 바꾸고, 두 번 클릭해 고칩니다</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="135"/>
        <source>Score this prompt</source>
        <translation>이 프롬프트 채점</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="140"/>
        <source>Choice</source>
        <translation>선택지</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="140"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="192"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="264"/>
        <source>Gold</source>
        <translation>정답</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="140"/>
        <source>log P (total)</source>
        <translation>log P (합)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="140"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="479"/>
        <source>per token</source>
        <translation>토큰당</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="140"/>
        <source>answer-only log P</source>
        <translation>답만 있는 문맥의 log P</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="140"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="479"/>
        <source>relative</source>
        <translation>상대값</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="148"/>
        <source>Test item</source>
        <translation>테스트 문항</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="153"/>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="157"/>
        <source>Demonstrations</source>
        <translation>시연 예시</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="159"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="478"/>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="165"/>
        <source>The prompt the model reads</source>
        <translation>모델이 읽는 프롬프트</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="178"/>
        <source>Run zero-shot</source>
        <translation>제로샷 실행</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="186"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="263"/>
        <source>Who answers</source>
        <translation>답하는 쪽</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="186"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="263"/>
        <source>Accuracy (exact match)</source>
        <translation>정확도 (정확히 일치)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="186"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="263"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="192"/>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="264"/>
        <source>End of the prompt</source>
        <translation>프롬프트의 끝부분</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="200"/>
        <source>Items</source>
        <translation>문항 수</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="204"/>
        <source>GPT-2&apos;s zero-shot setting: the task is only in the prompt; no demonstration, nothing trained.</source>
        <translation>GPT-2의 제로샷 설정: 과제는 프롬프트에만 있습니다. 시연 예시도, 추가 학습도 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="210"/>
        <source>Accuracy by K</source>
        <translation>K별 정확도</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="211"/>
        <source>Build a prompt</source>
        <translation>프롬프트 만들기</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="212"/>
        <source>Zero-shot (GPT-2)</source>
        <translation>제로샷 (GPT-2)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="214"/>
        <source>Bigger is better</source>
        <translation>클수록 좋다</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="259"/>
        <source>Who summarises</source>
        <translation>요약한 쪽</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="259"/>
        <source>ROUGE-1 F1</source>
        <translation>ROUGE-1 F1</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="259"/>
        <source>ROUGE-2 F1</source>
        <translation>ROUGE-2 F1</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="259"/>
        <source>ROUGE-L F1</source>
        <translation>ROUGE-L F1</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="260"/>
        <source>End of the article</source>
        <translation>기사의 끝부분</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="260"/>
        <source>Model&apos;s summary</source>
        <translation>모델의 요약</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="260"/>
        <source>Reference (the lede)</source>
        <translation>참조 요약 (리드 문장)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="260"/>
        <source>ROUGE-L</source>
        <translation>ROUGE-L</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="270"/>
        <source>the model (greedy)</source>
        <translation>모델 (탐욕적 디코딩)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="270"/>
        <source>the model, after &quot;TL;DR:&quot; (top-k 2 sampling, first 3 sentences)</source>
        <translation>모델, &quot;TL;DR:&quot; 뒤에서 (top-k 2 샘플링, 처음 3문장)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="271"/>
        <source>always the most frequent content word (&quot;%1&quot;)</source>
        <translation>늘 가장 흔한 내용어 (&quot;%1&quot;)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="272"/>
        <source>a trigram model of the training documents</source>
        <translation>학습 문서로 만든 트라이그램 모델</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="273"/>
        <source>copy the passage&apos;s most frequent content word</source>
        <translation>글 안에서 가장 많이 나온 내용어 베끼기</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="274"/>
        <source>always the most common answer (&quot;%1&quot;)</source>
        <translation>늘 가장 흔한 답 (&quot;%1&quot;)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="275"/>
        <source>the model without &quot;TL;DR:&quot; (it just continues the article)</source>
        <translation>&quot;TL;DR:&quot; 없는 모델 (기사를 이어 쓸 뿐)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="276"/>
        <source>lead-3: the article&apos;s first 3 sentences</source>
        <translation>lead-3: 기사의 처음 3문장</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="277"/>
        <source>random-3: 3 sentences of the article at random</source>
        <translation>random-3: 기사에서 무작위로 고른 3문장</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="278"/>
        <source>lead-1: the article&apos;s first sentence</source>
        <translation>lead-1: 기사의 첫 문장</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="314"/>
        <source>Zero-shot %1: %2 items.</source>
        <translation>제로샷 %1: 문항 %2개.</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="326"/>
        <source>%1: %2 demonstrations in the pool, %3 test items</source>
        <translation>%1: 예시 풀 %2개, 테스트 문항 %3개</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="357"/>
        <source>The model&apos;s greedy answer: &lt;b&gt;%1&lt;/b&gt;; gold: &lt;b&gt;%2&lt;/b&gt; — %3</source>
        <translation>모델의 탐욕적 답: &lt;b&gt;%1&lt;/b&gt;. 정답: &lt;b&gt;%2&lt;/b&gt; — %3</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="359"/>
        <source>&lt;span style=&apos;color:#1b7f2a&apos;&gt;exact match&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1b7f2a&apos;&gt;정확히 일치&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="359"/>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;wrong&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;틀림&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="383"/>
        <source>Building the task…</source>
        <translation>과제를 만드는 중…</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="395"/>
        <source>K must be whole numbers from 0 to 64 separated by commas (got &apos;%1&apos;)</source>
        <translation>K는 쉼표로 구분한 0에서 64 사이의 정수여야 합니다 (&apos;%1&apos;을(를) 받음)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="401"/>
        <source>Give at least one K</source>
        <translation>K를 하나 이상 주세요</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="411"/>
        <source>Running %1 at K = %2…</source>
        <translation>%1 실행 중, K = %2…</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="429"/>
        <source>Running zero-shot %1…</source>
        <translation>제로샷 %1 실행 중…</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="456"/>
        <source>by total log P</source>
        <translation>log P 합으로</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="457"/>
        <source>by log P per token</source>
        <translation>토큰당 log P로</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="458"/>
        <source>by log P relative to answer-only</source>
        <translation>답만 있는 문맥 대비 log P로</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="460"/>
        <source>exact match (greedy)</source>
        <translation>정확히 일치 (탐욕적 디코딩)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="469"/>
        <source>chance</source>
        <translation>우연</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="469"/>
        <source>most common answer</source>
        <translation>가장 흔한 답</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="470"/>
        <source>answer-only (no question)</source>
        <translation>답만 있는 문맥 (질문 없음)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="478"/>
        <source>demonstrations that fit</source>
        <translation>문맥에 들어간 예시 수</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="479"/>
        <source>total log P</source>
        <translation>log P 합</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="480"/>
        <source>exact match</source>
        <translation>정확히 일치</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="498"/>
        <source>%1 test items, prompts of at most %2 tokens (what the model was trained on). </source>
        <translation>테스트 문항 %1개, 프롬프트 최대 %2토큰 (모델이 학습한 길이). </translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="501"/>
        <source>Best: K = %1 with %2 against %3 for %4</source>
        <translation>최고: K = %1에서 %2, %4의 %3과 비교</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="501"/>
        <source>chance (1 / choices)</source>
        <translation>우연 (1 / 선택지 수)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="501"/>
        <source>always the demonstrations&apos; most common answer</source>
        <translation>늘 시연 예시에서 가장 흔한 답</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="502"/>
        <source> — above it by more than two standard errors.</source>
        <translation> — 표준오차의 두 배보다 더 높습니다.</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="502"/>
        <source> — within two standard errors of it: no evidence of learning from the prompt.</source>
        <translation> — 표준오차 두 배 안쪽입니다: 프롬프트에서 배웠다는 증거가 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="505"/>
        <source> Only %1 of K = %2 demonstrations fit the context on average.</source>
        <translation> K = %2개 예시 중 평균 %1개만 문맥에 들어갔습니다.</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="507"/>
        <source>Done.</source>
        <translation>완료.</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="515"/>
        <source>&lt;b&gt;%1&lt;/b&gt; → gold: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → 정답: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="552"/>
        <source>Scoring…</source>
        <translation>채점 중…</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="583"/>
        <source>right</source>
        <translation>맞음</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="583"/>
        <source>wrong</source>
        <translation>틀림</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/FewShotPanel.cpp" line="584"/>
        <source>▶ marks each rule&apos;s pick. By total log-likelihood: %1; per token: %2; relative to the answer-only context (&quot;%3&quot;): %4.</source>
        <translation>▶는 각 규칙이 고른 답입니다. 로그 가능도 합으로: %1, 토큰당: %2, 답만 있는 문맥 (&quot;%3&quot;) 대비: %4.</translation>
    </message>
</context>
<context>
    <name>ptl::ui::FinetunePanel</name>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="128"/>
        <source>The pre-trained model: a shipped model or any checkpoint folder (BERT, ALBERT, ELECTRA&apos;s discriminator, DistilBERT, GPT)</source>
        <translation>사전학습된 모델: 함께 제공되는 모델 또는 아무 체크포인트 폴더 (BERT, ALBERT, ELECTRA 판별자, DistilBERT, GPT)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="130"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="131"/>
        <source>Choose a checkpoint folder</source>
        <translation>체크포인트 폴더 선택</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="144"/>
        <source>pre-trained weights (transfer)</source>
        <translation>사전학습 가중치 (전이)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="145"/>
        <source>random initialisation (the control: no pre-training)</source>
        <translation>무작위 초기화 (대조군: 사전학습 없음)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="146"/>
        <source>Fine-tune the same architecture from random weights to see what pre-training brings</source>
        <translation>같은 구조를 무작위 가중치에서 미세조정해 사전학습이 무엇을 더하는지 봅니다</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="150"/>
        <source>The new head&apos;s learning rate; the body learns at this times the factor below</source>
        <translation>새 헤드의 학습률. 본체는 이 값에 아래 배율을 곱한 학습률로 배웁니다</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="152"/>
        <source>Discriminative fine-tuning: the pre-trained body&apos;s learning rate as a share of the head&apos;s</source>
        <translation>차등 미세조정: 사전학습된 본체의 학습률을 헤드 학습률에 대한 비율로</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="154"/>
        <source>Layer-wise decay: each layer below the top learns at this times the rate of the one above (1: off)</source>
        <translation>층별 감쇠: 맨 위 아래의 각 층은 바로 위 층 학습률에 이 값을 곱한 학습률로 배웁니다 (1: 끔)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="155"/>
        <source>keep the embeddings fixed</source>
        <translation>임베딩 고정</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="157"/>
        <source>Keep the lowest k layers fixed</source>
        <translation>가장 아래 k개 층 고정</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="159"/>
        <source>GPT-1&apos;s auxiliary objective: L = L_task + λ·L_LM on the task&apos;s own text</source>
        <translation>GPT-1의 보조 목표: 과제 텍스트 자체에 대해 L = L_task + λ·L_LM</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="161"/>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="162"/>
        <source>Early stopping: stop after this many evaluations without a better dev accuracy</source>
        <translation>조기 종료: dev 정확도가 나아지지 않는 평가가 이만큼 이어지면 멈춥니다</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="164"/>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="165"/>
        <source>Train on a fixed random subset of the labelled examples (the baselines are fitted on the same subset)</source>
        <translation>레이블된 예제 중 고정된 무작위 부분집합으로 학습합니다 (기준선도 같은 부분집합으로 맞춥니다)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="170"/>
        <source>Pre-trained model</source>
        <translation>사전학습된 모델</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="172"/>
        <source>Task</source>
        <translation>과제</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="174"/>
        <source>Start from</source>
        <translation>시작 가중치</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="175"/>
        <source>Labelled examples</source>
        <translation>레이블된 예제 수</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="176"/>
        <source>Steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="177"/>
        <source>Evaluate dev every</source>
        <translation>dev 평가 간격</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="178"/>
        <source>Head learning rate</source>
        <translation>헤드 학습률</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="179"/>
        <source>Body learning-rate factor</source>
        <translation>본체 학습률 배율</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="180"/>
        <source>Layer-wise decay</source>
        <translation>층별 감쇠</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="181"/>
        <source>Freeze</source>
        <translation>고정</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="182"/>
        <source>Freeze the lowest layers</source>
        <translation>아래 층 고정 개수</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="183"/>
        <source>λ auxiliary LM (GPT)</source>
        <translation>λ 보조 언어 모델 (GPT)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="184"/>
        <source>Early stopping patience</source>
        <translation>조기 종료 인내 횟수</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="197"/>
        <source>The exact token sequence the model is fed for the first training examples</source>
        <translation>첫 학습 예제들에 대해 모델에 실제로 들어가는 토큰 시퀀스</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="198"/>
        <source>Start fine-tuning</source>
        <translation>미세조정 시작</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="199"/>
        <source>Model, task and transfer</source>
        <translation>모델, 과제, 전이 설정</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="203"/>
        <source>What the model is fed (the first training examples):</source>
        <translation>모델에 들어가는 입력 (첫 학습 예제들):</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="209"/>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="214"/>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="210"/>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="215"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="217"/>
        <source>Start a run, or pick a fine-tuning run in the Runs panel.</source>
        <translation>실행을 시작하거나, 실행 목록에서 미세조정 실행을 고르세요.</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="233"/>
        <source>Rows: the gold label; columns: what the model predicted. Shade: the share of the row.</source>
        <translation>행: 정답 레이블, 열: 모델의 예측. 색의 진하기: 그 행에서 차지하는 비율.</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="249"/>
        <source>run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="249"/>
        <source>task</source>
        <translation>과제</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="249"/>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="249"/>
        <source>start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="249"/>
        <source>labelled</source>
        <translation>레이블 수</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="249"/>
        <source>steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="249"/>
        <source>best dev</source>
        <translation>최고 dev</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="250"/>
        <source>test score</source>
        <translation>테스트 점수</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="271"/>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="873"/>
        <source>test accuracy</source>
        <translation>test 정확도</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="873"/>
        <source>test F1 (SQuAD&apos;s token overlap)</source>
        <translation>테스트 F1 (SQuAD의 토큰 겹침)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="878"/>
        <source>Each point: one completed run&apos;s test F1 (the best of several runs at one size).</source>
        <translation>각 점: 완료된 실행 하나의 테스트 F1 (같은 크기에서 여러 실행 중 가장 좋은 값).</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="879"/>
        <source>Each point: one completed run&apos;s test accuracy (the best of several runs at one size).</source>
        <translation>각 점: 완료된 실행 하나의 테스트 정확도 (같은 크기에서 여러 실행 중 가장 좋은 값).</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="881"/>
        <source>A gap between the lines is what pre-training brought; where they meet, the labelled data alone is enough.</source>
        <translation>두 선 사이의 간격이 사전학습이 더한 몫입니다. 두 선이 만나는 곳에서는 레이블된 데이터만으로 충분합니다.</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="250"/>
        <source>test macro-F1</source>
        <translation>test 매크로 F1</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="250"/>
        <source>majority (test)</source>
        <translation>다수 클래스 (test)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="250"/>
        <source>simple model (test)</source>
        <translation>단순 모델 (test)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="255"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="258"/>
        <source>Every fine-tuning run in the store, its test score (measured once, with the best dev checkpoint) against always answering the most frequent label and a simple non-neural model fitted on the same training examples.</source>
        <translation>저장소의 모든 미세조정 실행과 그 test 점수 (최고 dev 체크포인트로 한 번만 측정)를, 늘 가장 흔한 레이블로 답하는 경우 및 같은 학습 예제로 맞춘 단순한 비신경망 모델과 비교합니다.</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="270"/>
        <source>labelled training examples (log scale)</source>
        <translation>레이블된 학습 예제 수 (로그 눈금)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="286"/>
        <source>Does pre-training help? Task:</source>
        <translation>사전학습이 도움이 되는가? 과제:</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="295"/>
        <source>Curves</source>
        <translation>곡선</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="296"/>
        <source>Predictions</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="458"/>
        <source>&lt;p style=&apos;color:#555&apos;&gt;Bold on red: the position the classification head reads. Tagging: the tag under each labelled sub-token. Shade: segment A, segment B.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#555&apos;&gt;빨간 바탕의 굵은 글씨: 분류 헤드가 읽는 위치. 태깅: 레이블이 붙는 하위 토큰 아래에 그 태그. 배경색: 세그먼트 A, 세그먼트 B.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="602"/>
        <source>dev F1 (SQuAD)</source>
        <translation>검증 F1 (SQuAD)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="606"/>
        <source>sliding-window word overlap, dev F1 (%1)</source>
        <translation>슬라이딩 윈도 단어 겹침, 검증 F1 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="607"/>
        <source>always &quot;no answer&quot;, dev F1 (%1)</source>
        <translation>항상 &quot;답 없음&quot;, 검증 F1 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="634"/>
        <source> · dev F1 %1 (sliding window %2, always &quot;no answer&quot; %3)</source>
        <translation> · 검증 F1 %1 (슬라이딩 윈도 %2, 항상 &quot;답 없음&quot; %3)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="639"/>
        <source>&lt;br&gt;&lt;b&gt;Test F1 %1&lt;/b&gt; (exact match %2) with the best dev checkpoint, against %3 for the sliding window and %4 for always &quot;no answer&quot;.</source>
        <translation>&lt;br&gt;&lt;b&gt;테스트 F1 %1&lt;/b&gt; (완전 일치 %2), 최고 검증 체크포인트 기준. 슬라이딩 윈도는 %3, 항상 &quot;답 없음&quot;은 %4.</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="700"/>
        <source>%1 split: accuracy &lt;b&gt;%2&lt;/b&gt;, macro-F1 %3 over %4 %5. Rows: gold; columns: predicted (numbered as the rows).</source>
        <translation>%1 분할: 정확도 &lt;b&gt;%2&lt;/b&gt;, 매크로 F1 %3 (%5 %4개). 행: 정답, 열: 예측 (번호는 행과 같음).</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="841"/>
        <source>No completed fine-tuning runs yet. &apos;pretrainlab-cli experiment transfer --checkpoint DIR --task NAME&apos; fine-tunes from the pre-trained model and from random initialisation on 100, 300, 1,000 and all examples.</source>
        <translation>아직 완료된 미세조정 실행이 없습니다. &apos;pretrainlab-cli experiment transfer --checkpoint DIR --task NAME&apos;은 사전학습된 모델과 무작위 초기화에서 각각 예제 100, 300, 1,000개와 전체로 미세조정합니다.</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="856"/>
        <source>random initialisation</source>
        <translation>무작위 초기화</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="863"/>
        <source>simple non-neural model, all examples (%1)</source>
        <translation>단순한 비신경망 모델, 전체 예제 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="864"/>
        <source>majority class (%1)</source>
        <translation>다수 클래스 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="297"/>
        <source>Results per task</source>
        <translation>과제별 결과</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="63"/>
        <source>%1 split: exact match &lt;b&gt;%2&lt;/b&gt;, F1 &lt;b&gt;%3&lt;/b&gt; over %4 questions (SQuAD&apos;s official metrics).</source>
        <translation>%1 분할: 완전 일치 &lt;b&gt;%2&lt;/b&gt;, F1 &lt;b&gt;%3&lt;/b&gt;, 질문 %4개 (SQuAD 공식 지표).</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="69"/>
        <source> With an answer: F1 %1 (%2); without: %3 (%4). The model says &quot;no answer&quot; when its no-answer score minus the best span&apos;s exceeds %5 (tuned on dev).</source>
        <translation> 답이 있는 질문: F1 %1 (%2개); 답이 없는 질문: %3 (%4개). 답 없음 점수에서 최고 구간 점수를 뺀 값이 %5(검증 세트로 조정)를 넘으면 모델은 &quot;답 없음&quot;이라고 답합니다.</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="75"/>
        <source> Words: blue = start probability, orange = end probability; gold answer outlined in green; predicted span in bold.</source>
        <translation> 단어 색: 파랑 = 시작 확률, 주황 = 끝 확률; 정답은 초록 테두리, 예측 구간은 굵게.</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="97"/>
        <source>start %1 · end %2</source>
        <translation>시작 %1 · 끝 %2</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="99"/>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="100"/>
        <source>(no answer)</source>
        <translation>(답 없음)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="104"/>
        <source>predicted: %1 · gold: %2 · F1 %3</source>
        <translation>예측: %1 · 정답: %2 · F1 %3</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="105"/>
        <source>no-answer score − best span: %1 (threshold %2)</source>
        <translation>답 없음 점수 − 최고 구간 점수: %1 (임계값 %2)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="313"/>
        <source>The pre-trained model&apos;s checkpoint folder</source>
        <translation>사전학습된 모델의 체크포인트 폴더</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="391"/>
        <source>%1 has no config.json: choose a checkpoint folder (a shipped model, or a run&apos;s checkpoint-N).</source>
        <translation>%1에 config.json이 없습니다: 체크포인트 폴더 (제공 모델, 또는 실행의 checkpoint-N)를 고르세요.</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="398"/>
        <source>%1/config.json cannot be read: %2</source>
        <translation>%1/config.json을 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="404"/>
        <source>%1 · %2 layers · hidden %3 · %4 parameters%5</source>
        <translation>%1 · %2개 층 · 은닉 %3 · 파라미터 %4개%5</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="409"/>
        <source> · three new tokens &lt;start&gt; &lt;delim&gt; &lt;extract&gt; are added</source>
        <translation> · 새 토큰 세 개 &lt;start&gt; &lt;delim&gt; &lt;extract&gt;가 추가됩니다</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="422"/>
        <source>Building the task and its baselines…</source>
        <translation>과제와 기준선을 만드는 중…</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="429"/>
        <source>&lt;b&gt;%1&lt;/b&gt; train · &lt;b&gt;%2&lt;/b&gt; dev · &lt;b&gt;%3&lt;/b&gt; test %4 · %5 labels&lt;br&gt;dev: majority %6 · %7 %8</source>
        <translation>train &lt;b&gt;%1&lt;/b&gt; · dev &lt;b&gt;%2&lt;/b&gt; · test &lt;b&gt;%3&lt;/b&gt; %4 · 레이블 %5개&lt;br&gt;dev: 다수 클래스 %6 · %7 %8</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="434"/>
        <source>sentences</source>
        <translation>문장</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="434"/>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="705"/>
        <source>examples</source>
        <translation>예제</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="440"/>
        <source>&lt;br&gt;&lt;span style=&apos;color:#555&apos;&gt;How it is built: hover here, or &apos;pretrainlab-cli tasks show %1&apos;.&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#555&apos;&gt;만드는 방법: 여기에 마우스를 올리거나 &apos;pretrainlab-cli tasks show %1&apos;.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="455"/>
        <source>&amp;nbsp;→ &lt;i&gt;%1&lt;/i&gt;</source>
        <translation>&amp;nbsp;→ &lt;i&gt;%1&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="491"/>
        <source>Peak learning rates: head %1 · top layer %2 · lowest trained layer %3 · embeddings %4 (10% warmup, then linear decay).</source>
        <translation>최대 학습률: 헤드 %1 · 맨 위 층 %2 · 학습되는 가장 아래 층 %3 · 임베딩 %4 (10% 워밍업 뒤 선형 감소).</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="497"/>
        <source>&lt;br&gt;&lt;b&gt;Random initialisation&lt;/b&gt;: the same architecture without its pre-trained weights, the control arm of the transfer experiment.</source>
        <translation>&lt;br&gt;&lt;b&gt;무작위 초기화&lt;/b&gt;: 사전학습 가중치 없이 같은 구조. 전이 실험의 대조군입니다.</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="602"/>
        <source>train (batch)</source>
        <translation>train (배치)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="602"/>
        <source>dev</source>
        <translation>dev</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="604"/>
        <source>simple non-neural model, dev (%1)</source>
        <translation>단순한 비신경망 모델, dev (%1)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="605"/>
        <source>majority class, dev (%1)</source>
        <translation>다수 클래스, dev (%1)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="618"/>
        <source>task loss (train)</source>
        <translation>과제 손실 (train)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="618"/>
        <source>dev loss</source>
        <translation>dev 손실</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="618"/>
        <source>auxiliary LM loss (train)</source>
        <translation>보조 언어 모델 손실 (train)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="621"/>
        <source>Run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="623"/>
        <source> · dev accuracy %1 (simple model %2, majority %3)</source>
        <translation> · dev 정확도 %1 (단순 모델 %2, 다수 클래스 %3)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="628"/>
        <source>&lt;br&gt;&lt;b&gt;Test accuracy %1&lt;/b&gt; with the best dev checkpoint (step %2), against %3 for the simple model and %4 for the majority class.</source>
        <translation>&lt;br&gt;최고 dev 체크포인트 (스텝 %2)로 &lt;b&gt;test 정확도 %1&lt;/b&gt;. 단순 모델은 %3, 다수 클래스는 %4.</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="683"/>
        <source>predicted: %1</source>
        <translation>예측: %1</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="695"/>
        <source>gold %1, predicted %2: %3 (%4 of the row)</source>
        <translation>정답 %1, 예측 %2: %3 (행의 %4)</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="705"/>
        <source>words</source>
        <translation>단어</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="733"/>
        <source>✓ the true next sentence: </source>
        <translation>✓ 실제 다음 문장: </translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="733"/>
        <source>✗ the model&apos;s choice: </source>
        <translation>✗ 모델의 선택: </translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="752"/>
        <source>right: %1</source>
        <translation>정답: %1</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="753"/>
        <source>predicted %1, gold %2</source>
        <translation>예측 %1, 정답 %2</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="756"/>
        <source>top: %1</source>
        <translation>상위: %1</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="783"/>
        <source>F1 %1</source>
        <translation>F1 %1</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="795"/>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="795"/>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="856"/>
        <source>pre-trained</source>
        <translation>사전학습</translation>
    </message>
    <message>
        <location filename="../ui/finetune/FinetunePanel.cpp" line="796"/>
        <source>all (%1)</source>
        <translation>전체 (%1)</translation>
    </message>
</context>
<context>
    <name>ptl::ui::FusionView</name>
    <message>
        <location filename="../ui/knowledge/FusionView.cpp" line="120"/>
        <source>%1: the entities moved its final representation by %2% of its length</source>
        <translation>%1: 개체가 이 토큰의 최종 표현을 그 길이의 %2%만큼 움직였습니다</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/FusionView.cpp" line="182"/>
        <source>entity self-attention, % (row: from, column: to)</source>
        <translation>개체 셀프 어텐션, % (행: 보내는 쪽, 열: 받는 쪽)</translation>
    </message>
</context>
<context>
    <name>ptl::ui::GeneratePanel</name>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="57"/>
        <source>the token limit</source>
        <translation>토큰 수 한도</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="58"/>
        <source>the end-of-text token</source>
        <translation>텍스트 끝 토큰</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="59"/>
        <source>a stop string</source>
        <translation>멈출 문자열</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="60"/>
        <source>a full context (the model&apos;s positions)</source>
        <translation>꽉 찬 문맥 (모델의 위치 수)</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="61"/>
        <source>your Stop</source>
        <translation>정지 버튼</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="80"/>
        <source>A GPT checkpoint folder (causal language model)</source>
        <translation>GPT 체크포인트 폴더 (인과 언어 모델)</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="81"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="82"/>
        <source>Shipped GPT</source>
        <translation>기본 제공 GPT</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="83"/>
        <source>resources/models/gpt-mini-brown: GPT-2 style, 4 layers, trained on the Brown corpus</source>
        <translation>resources/models/gpt-mini-brown: GPT-2 방식, 4개 층, Brown 말뭉치로 학습</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="88"/>
        <source>Greedy: always the most probable token</source>
        <translation>탐욕적 디코딩: 항상 가장 확률 높은 토큰</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="89"/>
        <source>Beam search: the most probable sequence</source>
        <translation>빔 서치: 가장 확률 높은 시퀀스</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="90"/>
        <source>Sampling: draw from the distribution</source>
        <translation>샘플링: 분포에서 무작위로 뽑기</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="101"/>
        <source>Logits are divided by it: below 1 sharpens the distribution, above 1 flattens it</source>
        <translation>로짓을 이 값으로 나눕니다: 1보다 작으면 분포가 뾰족해지고, 크면 평평해집니다</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="105"/>
        <location filename="../ui/generate/GeneratePanel.cpp" line="119"/>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="106"/>
        <source>Keep only the k most probable tokens (Fan et al. 2018); 0: off</source>
        <translation>확률이 가장 높은 k개 토큰만 남깁니다 (Fan et al. 2018). 0: 끔</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="111"/>
        <source>Nucleus sampling (Holtzman et al. 2020): keep the fewest tokens whose probability adds up to p; 1: off</source>
        <translation>뉴클리어스 샘플링 (Holtzman et al. 2020): 확률 합이 p에 이르는 가장 적은 수의 토큰만 남깁니다. 1: 끔</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="116"/>
        <source>CTRL&apos;s penalty (Keskar et al. 2019): every token already in the text has its logit divided by it (multiplied when negative); 1: off</source>
        <translation>CTRL의 벌점 (Keskar et al. 2019): 이미 텍스트에 나온 모든 토큰의 로짓을 이 값으로 나눕니다 (음수면 곱합니다). 1: 끔</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="120"/>
        <source>Never produce an n-gram that is already in the text</source>
        <translation>텍스트에 이미 있는 n-gram은 다시 만들지 않습니다</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="122"/>
        <source>e.g. \n  (separate several with |)</source>
        <translation>예: \n  (여러 개는 |로 구분)</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="123"/>
        <source>Generation ends at the first of these strings; it is not kept</source>
        <translation>이 문자열 중 하나가 처음 나오면 생성을 멈춥니다. 그 문자열은 남기지 않습니다</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="127"/>
        <source>The same seed draws the same text</source>
        <translation>같은 시드는 같은 텍스트를 뽑습니다</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="135"/>
        <source>GNMT&apos;s α: a hypothesis scores log P / ((5 + length) / 6)^α, so longer ones are not always beaten (GPT-3 used 4 beams and α = 0.6)</source>
        <translation>GNMT의 α: 가설의 점수는 log P / ((5 + 길이) / 6)^α 이므로 긴 가설이 늘 지지는 않습니다 (GPT-3는 빔 4개와 α = 0.6을 썼습니다)</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="136"/>
        <source>stop when the beams have finished</source>
        <translation>빔 수만큼 가설이 끝나면 멈추기</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="141"/>
        <source>key/value cache</source>
        <translation>키/값 캐시</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="143"/>
        <source>Keep every layer&apos;s keys and values, so each new token runs one position of the model instead of the whole text again</source>
        <translation>모든 층의 키와 값을 보관해, 새 토큰마다 텍스트 전체를 다시 계산하지 않고 한 위치만 계산합니다</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="145"/>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="147"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="148"/>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="150"/>
        <source>Three ways side by side</source>
        <translation>세 가지 방식 나란히</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="151"/>
        <source>Continue the prompt greedily, by beam search and by sampling, with the settings above</source>
        <translation>위 설정으로 프롬프트를 탐욕적 디코딩, 빔 서치, 샘플링으로 각각 이어 씁니다</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="158"/>
        <source>Strategy</source>
        <translation>디코딩 방식</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="160"/>
        <source>Max new tokens</source>
        <translation>최대 새 토큰 수</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="161"/>
        <source>Temperature</source>
        <translation>온도</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="162"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="163"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="164"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="165"/>
        <source>Beams</source>
        <translation>빔 수</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="166"/>
        <source>Length penalty α</source>
        <translation>길이 벌점 α</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="167"/>
        <source>Hypotheses shown</source>
        <translation>보여 줄 가설 수</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="169"/>
        <source>Repetition penalty</source>
        <translation>반복 벌점</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="170"/>
        <source>No-repeat n-gram</source>
        <translation>반복 금지 n-gram</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="171"/>
        <source>Stop at</source>
        <translation>멈출 문자열</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="178"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="180"/>
        <source>Prompt</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="182"/>
        <source>Decoding</source>
        <translation>디코딩</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="199"/>
        <source>Each generated token is coloured by the model&apos;s rank of it (GLTR): &lt;span style=&apos;background:%1&apos;&gt;&amp;nbsp;top 10&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:%2&apos;&gt;&amp;nbsp;top 100&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:%3&apos;&gt;&amp;nbsp;top 1,000&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:%4&apos;&gt;&amp;nbsp;beyond&amp;nbsp;&lt;/span&gt;. Click a token to see the distribution it was chosen from.</source>
        <translation>생성된 토큰은 모델이 매긴 순위에 따라 색칠됩니다 (GLTR): &lt;span style=&apos;background:%1&apos;&gt;&amp;nbsp;상위 10&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:%2&apos;&gt;&amp;nbsp;상위 100&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:%3&apos;&gt;&amp;nbsp;상위 1,000&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:%4&apos;&gt;&amp;nbsp;그 밖&amp;nbsp;&lt;/span&gt;. 토큰을 클릭하면 그 토큰을 고른 분포를 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="210"/>
        <location filename="../ui/generate/GeneratePanel.cpp" line="243"/>
        <source>Token</source>
        <translation>토큰</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="210"/>
        <source>Model p</source>
        <translation>모델 확률</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="210"/>
        <source>Adjusted p</source>
        <translation>조정된 확률</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="210"/>
        <source>Kept</source>
        <translation>남김</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="210"/>
        <source>Renormalised p</source>
        <translation>재정규화 확률</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="211"/>
        <source>After the repetition penalty, the n-gram ban and the temperature</source>
        <translation>반복 벌점, n-gram 금지, 온도를 적용한 뒤</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="212"/>
        <source>In the set the rule chooses from: the top-k / top-p set when sampling, the best token for greedy</source>
        <translation>규칙이 고르는 후보 집합에 속함: 샘플링은 top-k / top-p 집합, 탐욕적 디코딩은 최선의 토큰 하나</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="213"/>
        <source>The adjusted probability divided by the kept set&apos;s mass: what sampling draws from</source>
        <translation>조정된 확률을 남긴 집합의 확률 합으로 나눈 값: 샘플링이 실제로 뽑는 분포</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="243"/>
        <source>log P</source>
        <translation>log P</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="243"/>
        <source>Score (length-penalised)</source>
        <translation>점수 (길이 벌점 적용)</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="243"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="250"/>
        <source>Every continuation beam search considered: at each step it scores all continuations of the live hypotheses, keeps the best (width) alive, closes those that end, and prunes the rest. Yellow: the path of the best hypothesis.</source>
        <translation>빔 서치가 검토한 모든 이어 쓰기: 매 스텝 살아 있는 가설의 모든 다음 토큰에 점수를 매겨, 가장 좋은 (빔 폭만큼) 가설을 살리고, 끝난 가설은 닫고, 나머지는 버립니다. 노란색: 최선의 가설이 지나온 길.</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="281"/>
        <source>Text and each step</source>
        <translation>텍스트와 각 스텝</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="282"/>
        <source>Beam search tree</source>
        <translation>빔 서치 트리</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="283"/>
        <source>Greedy, beam, sampled</source>
        <translation>탐욕적, 빔, 샘플링</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="308"/>
        <source>A GPT checkpoint folder</source>
        <translation>GPT 체크포인트 폴더</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="342"/>
        <source>Three continuations of the same prompt: greedy and beam search pick what is probable and tend to repeat themselves; sampling is more varied and less probable.</source>
        <translation>같은 프롬프트의 세 가지 이어 쓰기: 탐욕적 디코딩과 빔 서치는 확률 높은 것을 골라 같은 말을 되풀이하기 쉽고, 샘플링은 더 다양하지만 확률은 낮습니다.</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="369"/>
        <source>Each token is drawn at random from the distribution after the temperature, cut to the top-k and top-p set and renormalised (GPT-2&apos;s samples used top-k 40).</source>
        <translation>각 토큰은 온도를 적용하고 top-k, top-p 집합으로 자른 뒤 재정규화한 분포에서 무작위로 뽑힙니다 (GPT-2의 샘플은 top-k 40을 썼습니다).</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="372"/>
        <source>Keeps the best few partial sequences at every step and returns the most probable whole continuations, length-penalised.</source>
        <translation>매 스텝 가장 좋은 부분 시퀀스 몇 개를 유지하고, 길이 벌점을 적용해 가장 확률 높은 전체 이어 쓰기를 돌려줍니다.</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="375"/>
        <source>Takes the model&apos;s most probable token at every step: deterministic, and prone to loops.</source>
        <translation>매 스텝 모델이 가장 확률 높다고 본 토큰을 고릅니다: 결정적이며 같은 말을 되풀이하기 쉽습니다.</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="420"/>
        <source>Generating…</source>
        <translation>생성 중…</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="442"/>
        <source>Generating three continuations…</source>
        <translation>세 가지 이어 쓰기 생성 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/generate/GeneratePanel.cpp" line="481"/>
        <source>Sampling kept %n token(s), holding %1 of the probability after the penalties and the temperature; this one was drawn with probability %2 after renormalising.</source>
        <translation>
            <numerusform>샘플링은 토큰 %n개를 남겼고, 벌점과 온도를 적용한 확률의 %1을 차지합니다. 이 토큰은 재정규화 후 %2의 확률로 뽑혔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="485"/>
        <source>On the best hypothesis&apos;s path: beam search chose it for the whole sequence&apos;s probability, not this step&apos;s alone.</source>
        <translation>최선의 가설이 지나는 길: 빔 서치는 이 스텝 하나가 아니라 시퀀스 전체의 확률로 이 토큰을 골랐습니다.</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="487"/>
        <source>Greedy took the most probable token after the penalties.</source>
        <translation>탐욕적 디코딩은 벌점을 적용한 뒤 가장 확률 높은 토큰을 골랐습니다.</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="488"/>
        <source>&lt;b&gt;Step %1 of %2: “%3”&lt;/b&gt;: the model gave it %4, rank %5. %6</source>
        <translation>&lt;b&gt;%2개 중 %1번째 스텝: “%3”&lt;/b&gt;: 모델이 준 확률 %4, 순위 %5. %6</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="511"/>
        <location filename="../ui/generate/GeneratePanel.cpp" line="529"/>
        <source>kept</source>
        <translation>남김</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="529"/>
        <source>finished</source>
        <translation>끝남</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="529"/>
        <source>pruned</source>
        <translation>버림</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/generate/GeneratePanel.cpp" line="547"/>
        <source>&lt;b&gt;The %n best finished hypotheses&lt;/b&gt; (score = log P / ((5 + length) / 6)^α):</source>
        <translation>
            <numerusform>&lt;b&gt;끝난 가설 중 최선의 %n개&lt;/b&gt; (점수 = log P / ((5 + 길이) / 6)^α):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/generate/GeneratePanel.cpp" line="555"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>토큰 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="561"/>
        <source>Greedy</source>
        <translation>탐욕적 디코딩</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="561"/>
        <source>Beam search</source>
        <translation>빔 서치</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="561"/>
        <source>Sampling</source>
        <translation>샘플링</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="563"/>
        <source>the most probable token each step</source>
        <translation>매 스텝 가장 확률 높은 토큰</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="563"/>
        <source>width %1, α %2</source>
        <translation>폭 %1, α %2</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="564"/>
        <source>temperature %1, top-k %2, top-p %3, seed %4</source>
        <translation>온도 %1, top-k %2, top-p %3, 시드 %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/generate/GeneratePanel.cpp" line="577"/>
        <source>%n token(s); mean log-probability per token %1 (perplexity %2); distinct bigrams %3; ended by %4</source>
        <translation>
            <numerusform>토큰 %n개. 토큰당 평균 로그 확률 %1 (퍼플렉서티 %2). 서로 다른 바이그램 %3. 멈춘 이유: %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/generate/GeneratePanel.cpp" line="601"/>
        <source>%n token(s) in %1 s (%2 tokens/s%3); ended by %4</source>
        <translation>
            <numerusform>토큰 %n개, %1초 (초당 %2 토큰%3). 멈춘 이유: %4</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="604"/>
        <source>, key/value cache</source>
        <translation>, 키/값 캐시 사용</translation>
    </message>
    <message>
        <location filename="../ui/generate/GeneratePanel.cpp" line="604"/>
        <source>, no cache: every step reruns the whole text</source>
        <translation>, 캐시 없음: 스텝마다 텍스트 전체를 다시 계산</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/generate/GeneratePanel.cpp" line="606"/>
        <source>; the prompt&apos;s first %n token(s) were cut to fit the context</source>
        <translation>
            <numerusform>. 문맥 길이에 맞추려고 프롬프트 앞쪽 토큰 %n개를 잘랐습니다</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ptl::ui::HeatmapView</name>
    <message>
        <location filename="../ui/attention/AttentionViews.cpp" line="84"/>
        <source>%1 → %2
%3</source>
        <translation>%1 → %2
%3</translation>
    </message>
</context>
<context>
    <name>ptl::ui::InspectPanel</name>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="35"/>
        <source>No model open.</source>
        <translation>열린 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="36"/>
        <source>Open model…</source>
        <translation>모델 열기…</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="38"/>
        <source>Sentence A — write [MASK] where the model should guess</source>
        <translation>문장 A — 모델이 맞힐 자리에 [MASK]를 쓰세요</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="40"/>
        <source>Sentence B (optional: a pair, segment B)</source>
        <translation>문장 B (선택: 문장 쌍의 세그먼트 B)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="48"/>
        <source>hide [CLS]/[SEP]</source>
        <translation>[CLS]/[SEP] 숨기기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="49"/>
        <source>average heads</source>
        <translation>헤드 평균</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="50"/>
        <source>rollout</source>
        <translation>롤아웃</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="51"/>
        <source>Attention rollout (Abnar &amp; Zuidema 2020): attention propagated through the layers up to this one</source>
        <translation>어텐션 롤아웃 (Abnar &amp; Zuidema 2020): 이 층까지 층을 거쳐 전파된 어텐션</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="53"/>
        <source>Export view…</source>
        <translation>보기 내보내기…</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="60"/>
        <source>Head view</source>
        <translation>헤드 보기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="61"/>
        <source>Model view</source>
        <translation>모델 보기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="62"/>
        <source>Matrix</source>
        <translation>행렬</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="63"/>
        <source>Neuron view</source>
        <translation>뉴런 보기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="75"/>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="76"/>
        <source>Pair</source>
        <translation>쌍</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="77"/>
        <source>Tokens</source>
        <translation>토큰</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="79"/>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="81"/>
        <source>Heads</source>
        <translation>헤드</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="86"/>
        <source>Neuron query</source>
        <translation>뉴런 보기 쿼리</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="95"/>
        <source>follow the newest</source>
        <translation>최신 스냅숏 따라가기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="97"/>
        <source>Back to typed text</source>
        <translation>입력한 텍스트로 돌아가기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="110"/>
        <source>&lt;b&gt;Fill-mask&lt;/b&gt; — top predictions at each [MASK]; the last row is what word frequency alone would guess (bold: a guess that needs the context)</source>
        <translation>&lt;b&gt;빈칸 채우기&lt;/b&gt; — 각 [MASK]의 상위 예측. 마지막 줄은 단어 빈도만으로 한 추측입니다 (굵은 글씨: 문맥이 있어야 나오는 추측)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="147"/>
        <source>Open a checkpoint folder (config.json + model.safetensors)</source>
        <translation>체크포인트 폴더 열기 (config.json + model.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="151"/>
        <location filename="../ui/attention/InspectPanel.cpp" line="153"/>
        <source>Export view</source>
        <translation>보기 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="151"/>
        <source>PNG image (*.png);;SVG (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="156"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: %1 (%2)</source>
        <translation>&lt;b&gt;모델&lt;/b&gt;: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="160"/>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;Cannot open %1: %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;%1을(를) 열 수 없습니다: %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="170"/>
        <source>key token</source>
        <translation>키 토큰</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="170"/>
        <source>q · k (sum of products)</source>
        <translation>q · k (곱의 합)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="170"/>
        <source>score / √d</source>
        <translation>점수 / √d</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="170"/>
        <source>softmax</source>
        <translation>소프트맥스</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="191"/>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="230"/>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="231"/>
        <source>head %1</source>
        <translation>헤드 %1</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="248"/>
        <source>position</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="249"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="262"/>
        <source>A model that ignores context guesses the most frequent tokens of its training data, the same at every position. Model guesses outside these are shown in bold.</source>
        <translation>문맥을 무시하는 모델은 학습 데이터에서 가장 흔한 토큰을 어느 자리에서나 똑같이 추측합니다. 이 밖의 모델 추측은 굵게 표시합니다.</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="278"/>
        <source>[MASK] at %1</source>
        <translation>%1번 자리 [MASK]</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="279"/>
        <source>next token</source>
        <translation>다음 토큰</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="280"/>
        <source>word frequency alone</source>
        <translation>단어 빈도만으로</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="281"/>
        <source>%1 tokens, %2 layers × %3 heads</source>
        <translation>토큰 %1개, %2개 층 × %3개 헤드</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="302"/>
        <source>Rollout through layer %1</source>
        <translation>%1층까지의 롤아웃</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="307"/>
        <source>Layer %1, average of heads</source>
        <translation>%1층, 헤드 평균</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="313"/>
        <source>Layer %1, all heads (matrix: their average)</source>
        <translation>%1층, 모든 헤드 (행렬: 평균)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="318"/>
        <source>Layer %1, head %2</source>
        <translation>%1층, 헤드 %2</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="357"/>
        <source>Run %1 has no probe snapshots yet</source>
        <translation>실행 %1에는 아직 관찰 스냅숏이 없습니다</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="374"/>
        <location filename="../ui/attention/InspectPanel.cpp" line="387"/>
        <source>Run %1 · snapshot %2 of %3 · step %4</source>
        <translation>실행 %1 · 스냅숏 %3개 중 %2번째 · 스텝 %4</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="429"/>
        <source>Unknown file type &apos;%1&apos;: use .png or .svg</source>
        <translation>알 수 없는 파일 형식 &apos;%1&apos;: .png 또는 .svg를 쓰세요</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="432"/>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ptl::ui::Inspector</name>
    <message>
        <location filename="../ui/worker/Inspector.cpp" line="59"/>
        <source>No model is open.</source>
        <translation>열린 모델이 없습니다.</translation>
    </message>
</context>
<context>
    <name>ptl::ui::KnowledgePanel</name>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="60"/>
        <source>is a</source>
        <translation>~의 일종</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="61"/>
        <source>has kind</source>
        <translation>하위 종류를 가짐</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="62"/>
        <source>instance of</source>
        <translation>~의 사례</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="63"/>
        <source>has instance</source>
        <translation>사례를 가짐</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="64"/>
        <source>member of</source>
        <translation>~의 구성원</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="65"/>
        <source>has member</source>
        <translation>구성원을 가짐</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="66"/>
        <source>part of</source>
        <translation>~의 부분</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="67"/>
        <source>has part</source>
        <translation>부분을 가짐</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="68"/>
        <source>substance of</source>
        <translation>~의 재료</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="69"/>
        <source>made of</source>
        <translation>~로 만들어짐</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="70"/>
        <source>opposite of</source>
        <translation>반대말</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="71"/>
        <source>similar to</source>
        <translation>비슷함</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="72"/>
        <source>related form</source>
        <translation>파생 관계</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="73"/>
        <source>attribute</source>
        <translation>속성</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="74"/>
        <source>attribute of</source>
        <translation>~의 속성</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="75"/>
        <source>see also</source>
        <translation>참고</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="76"/>
        <source>verb group</source>
        <translation>동사 무리</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="77"/>
        <source>entails</source>
        <translation>함의함</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="78"/>
        <source>entailed by</source>
        <translation>~에 함의됨</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="79"/>
        <source>causes</source>
        <translation>일으킴</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="80"/>
        <source>caused by</source>
        <translation>~로 인해 일어남</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="81"/>
        <source>pertains to</source>
        <translation>관련됨</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="82"/>
        <source>pertained to by</source>
        <translation>~와 관련된</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="83"/>
        <source>topic</source>
        <translation>주제</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="84"/>
        <source>topic of</source>
        <translation>~의 주제</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="85"/>
        <source>region</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="86"/>
        <source>region of</source>
        <translation>~의 지역</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="87"/>
        <source>usage</source>
        <translation>용법</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="88"/>
        <source>usage of</source>
        <translation>~의 용법</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="96"/>
        <source>noun</source>
        <translation>명사</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="97"/>
        <source>verb</source>
        <translation>동사</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="98"/>
        <source>adjective</source>
        <translation>형용사</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="99"/>
        <source>adverb</source>
        <translation>부사</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="128"/>
        <source>a word, an expression (ice cream) or a synset (dog.n.01)</source>
        <translation>단어, 표현(ice cream) 또는 신셋(dog.n.01)</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="129"/>
        <source>Look up</source>
        <translation>찾기</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="130"/>
        <source>WordNet 3.0 is the knowledge graph here, as ConceptNet and Wikidata are in the papers: about 118,000 synsets (sets of synonyms, one per sense), linked by typed relations (hypernym: is a kind of; meronym: is a part of; antonym; ...). Senses are listed most frequent first; double-click a related synset to open it.</source>
        <translation>논문에서 ConceptNet과 Wikidata가 하는 역할을 여기서는 WordNet 3.0이 맡습니다. 약 118,000개의 신셋(뜻마다 하나씩인 동의어 집합)이 유형이 있는 관계(상위어: ~의 일종, 부분어: ~의 일부, 반의어 등)로 이어져 있습니다. 뜻은 빈도가 높은 순서로 나열되며, 관련 신셋을 두 번 클릭하면 그 신셋이 열립니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="140"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="280"/>
        <source>Relation</source>
        <translation>관계</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="140"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="186"/>
        <source>Synset</source>
        <translation>신셋</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="140"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="186"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="292"/>
        <source>Gloss</source>
        <translation>뜻풀이</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="144"/>
        <source>Word</source>
        <translation>단어</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="161"/>
        <source>WordNet</source>
        <translation>WordNet</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="173"/>
        <source>Ground</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="174"/>
        <source>ERNIE&apos;s first step: align the words of a sentence with entities of the knowledge graph. Each word is tagged (a tagger learnt from Brown&apos;s tags), expressions WordNet lists (&quot;New York&quot;, &quot;ice cream&quot;) win over their words, and each mention takes its most frequent sense; names go to instance synsets. Hover a box for its gloss, click it to open it in the WordNet tab.</source>
        <translation>ERNIE의 첫 단계: 문장의 단어를 지식 그래프의 개체와 정렬합니다. 각 단어에 품사를 붙이고(Brown의 태그로 학습한 태거), WordNet에 있는 표현(&quot;New York&quot;, &quot;ice cream&quot;)은 그 안의 단어들보다 우선하며, 각 언급은 가장 흔한 뜻을 택합니다. 고유명은 인스턴스 신셋으로 연결됩니다. 상자 위에 마우스를 올리면 뜻풀이가 보이고, 클릭하면 WordNet 탭에서 열립니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="186"/>
        <source>Words</source>
        <translation>단어</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="186"/>
        <source>Part of speech</source>
        <translation>품사</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="186"/>
        <source>Is a</source>
        <translation>상위 개념</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="187"/>
        <source>&lt;span style=&apos;color:#2e6db4&apos;&gt;■&lt;/span&gt; noun &amp;nbsp; &lt;span style=&apos;color:#2e8b57&apos;&gt;■&lt;/span&gt; verb &amp;nbsp; &lt;span style=&apos;color:#d37a1f&apos;&gt;■&lt;/span&gt; adjective &amp;nbsp; &lt;span style=&apos;color:#7f8c8d&apos;&gt;■&lt;/span&gt; adverb &amp;nbsp; &lt;span style=&apos;color:#8e44ad&apos;&gt;■&lt;/span&gt; a name (instance)</source>
        <translation>&lt;span style=&apos;color:#2e6db4&apos;&gt;■&lt;/span&gt; 명사 &amp;nbsp; &lt;span style=&apos;color:#2e8b57&apos;&gt;■&lt;/span&gt; 동사 &amp;nbsp; &lt;span style=&apos;color:#d37a1f&apos;&gt;■&lt;/span&gt; 형용사 &amp;nbsp; &lt;span style=&apos;color:#7f8c8d&apos;&gt;■&lt;/span&gt; 부사 &amp;nbsp; &lt;span style=&apos;color:#8e44ad&apos;&gt;■&lt;/span&gt; 고유명 (인스턴스)</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="192"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="359"/>
        <source>Sentence</source>
        <translation>문장</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="201"/>
        <source>Entity alignment</source>
        <translation>개체 정렬</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="214"/>
        <source>The folder of the embeddings: transe.safetensors, entities.tsv, relations.tsv, transe.json</source>
        <translation>임베딩 폴더: transe.safetensors, entities.tsv, relations.tsv, transe.json</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="215"/>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="216"/>
        <source>My folder</source>
        <translation>내 폴더</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="217"/>
        <source>Train into your own data folder, leaving the shipped embeddings as they are</source>
        <translation>함께 제공된 임베딩은 그대로 두고 내 데이터 폴더에 학습합니다</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="233"/>
        <source>L2 (best here)</source>
        <translation>L2 (여기서 가장 좋음)</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="234"/>
        <source>L1 (the paper&apos;s choice on WordNet)</source>
        <translation>L1 (논문이 WordNet에서 택한 것)</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="235"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="236"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="239"/>
        <source>TransE (Bordes et al. 2013) gives every entity and relation a vector so that head + relation ≈ tail. ERNIE uses such vectors as its entity inputs. Trained here on the WordNet links between the synsets the Brown text grounds (and their hypernyms); judged by link prediction on held-out links: where the true head or tail ranks among all entities (filtered: other true answers do not count against it), against ranking by popularity in the relation and at random.</source>
        <translation>TransE(Bordes 외, 2013)는 모든 개체와 관계에 벡터를 주어 머리 + 관계 ≈ 꼬리가 되게 합니다. ERNIE는 이런 벡터를 개체 입력으로 씁니다. 여기서는 Brown 텍스트가 연결되는 신셋(과 그 상위어) 사이의 WordNet 링크로 학습하고, 떼어 둔 링크의 링크 예측으로 평가합니다: 참인 머리나 꼬리가 모든 개체 중 몇 위인지(필터링: 다른 정답은 불리하게 세지 않음)를, 관계 안에서의 인기도 순위와 무작위 순위에 견줍니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="248"/>
        <source>Dimension</source>
        <translation>차원</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="249"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="250"/>
        <source>Learning rate (SGD)</source>
        <translation>학습률 (SGD)</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="251"/>
        <source>Margin</source>
        <translation>마진</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="252"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="292"/>
        <source>Distance</source>
        <translation>거리</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="265"/>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="274"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="275"/>
        <source>margin ranking loss</source>
        <translation>마진 순위 손실</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="279"/>
        <source>Ranking</source>
        <translation>순위 방법</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="279"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="280"/>
        <source>Mean rank</source>
        <translation>평균 순위</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="279"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="280"/>
        <source>MRR</source>
        <translation>MRR</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="279"/>
        <source>Hits@1</source>
        <translation>Hits@1</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="279"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="280"/>
        <source>Hits@10</source>
        <translation>Hits@10</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="280"/>
        <source>Test links</source>
        <translation>테스트 링크</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="289"/>
        <source>(entity, relation, ?)</source>
        <translation>(개체, 관계, ?)</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="290"/>
        <source>(?, relation, entity)</source>
        <translation>(?, 관계, 개체)</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="291"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="292"/>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="292"/>
        <source>Entity</source>
        <translation>개체</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="292"/>
        <source>In the graph</source>
        <translation>그래프에 있음</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="302"/>
        <source>Link prediction on the held-out test links</source>
        <translation>떼어 둔 테스트 링크의 링크 예측</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="305"/>
        <source>Ask the embeddings: which entities complete the triple?</source>
        <translation>임베딩에 묻기: 어떤 개체가 이 삼중항을 완성할까?</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="311"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="827"/>
        <source>TransE</source>
        <translation>TransE</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="329"/>
        <source>an ERNIE checkpoint folder (train --preset ernie-mini)</source>
        <translation>ERNIE 체크포인트 폴더 (train --preset ernie-mini)</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="330"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="460"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="332"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="333"/>
        <source>ERNIE (Zhang et al. 2019) reads a sentence twice over: as tokens, and as the knowledge-graph entities its words name, each a TransE vector put on the first token of its mention. In the K-Encoder layers the entities attend to each other, then an information fusion layer mixes both streams at every aligned token: h = GELU(W_t w + W_e e + b). Below: each token with its entity, the orange bar for how far the entities moved the token&apos;s final representation (against the same model run without entities), the entity attention of one layer and head (hover an entity for its arcs, its gloss), and at each [MASK] the model&apos;s guesses with and without its knowledge.</source>
        <translation>ERNIE (Zhang 외 2019)는 문장을 두 번 읽습니다. 토큰으로 한 번, 그리고 단어들이 가리키는 지식 그래프 개체로 한 번 읽는데, 각 개체는 언급의 첫 토큰에 놓인 TransE 벡터입니다. K-인코더 층에서 개체들은 서로에게 어텐션을 주고, 이어서 정보 융합 층이 정렬된 토큰마다 두 흐름을 섞습니다: h = GELU(W_t w + W_e e + b). 아래에는 토큰마다 그 개체, 개체가 토큰의 최종 표현을 얼마나 움직였는지를 나타내는 주황 막대(개체 없이 돌린 같은 모델과 비교), 한 층·한 헤드의 개체 어텐션(개체 위에 마우스를 올리면 호와 뜻풀이), 그리고 [MASK]마다 지식이 있을 때와 없을 때의 모델 추측이 나옵니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="350"/>
        <source>[MASK] at</source>
        <translation>[MASK] 위치</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="350"/>
        <source>With entities</source>
        <translation>개체 있음</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="350"/>
        <source>Without entities</source>
        <translation>개체 없음</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="355"/>
        <source>Checkpoint</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="363"/>
        <source>K-Encoder layer</source>
        <translation>K-인코더 층</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="365"/>
        <source>Entity head</source>
        <translation>개체 헤드</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="376"/>
        <source>ERNIE</source>
        <translation>ERNIE</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="378"/>
        <source>ERNIE checkpoint folder</source>
        <translation>ERNIE 체크포인트 폴더</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="390"/>
        <source>Choose an ERNIE checkpoint folder first (a run of the ernie-mini preset writes one).</source>
        <translation>먼저 ERNIE 체크포인트 폴더를 고르세요 (ernie-mini 프리셋으로 실행하면 하나가 만들어집니다).</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="393"/>
        <source>Running the sentence through the model…</source>
        <translation>문장을 모델에 넣어 계산하는 중…</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="402"/>
        <source>layer %1</source>
        <translation>%1층</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="404"/>
        <source>head %1</source>
        <translation>헤드 %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="428"/>
        <source>No word of this sentence grounds to an entity of the model&apos;s table: the K-Encoder runs the token stream alone.</source>
        <translation>이 문장의 어떤 단어도 모델의 개체 표에 있는 개체로 연결되지 않습니다. K-인코더는 토큰 흐름만으로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="429"/>
        <source>%1 of %2 tokens carry an entity. The entities moved the final representation most at &quot;%3&quot; (%4% of its length).</source>
        <translation>토큰 %2개 중 %1개가 개체를 지닙니다. 개체가 최종 표현을 가장 크게 움직인 곳은 &quot;%3&quot;입니다 (길이의 %4%).</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="459"/>
        <source>a KagNET model folder (pretrainlab-cli kagnet train --out DIR)</source>
        <translation>KagNET 모델 폴더 (pretrainlab-cli kagnet train --out DIR)</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="461"/>
        <source>KagNET (Lin et al. 2019) answers a multiple-choice question by looking for paths in the knowledge graph between the concepts of the question and those of each choice (at most 3 hops; paths whose links TransE finds implausible are pruned). A graph network refines the concepts, an LSTM reads each path, and attention guided by the statement vector (our BERT reading question + choice) weighs the paths of each concept pair and the pairs. Below: each choice&apos;s score beside the BERT-only scorer&apos;s, and for the selected choice its schema graph, with the paths the attention weighs most in orange.</source>
        <translation>KagNET (Lin 외 2019)은 객관식 질문에 답할 때 지식 그래프에서 질문의 개념과 각 선택지의 개념을 잇는 경로를 찾습니다 (최대 3홉; TransE가 그럴듯하지 않다고 보는 연결이 있는 경로는 잘라 냅니다). 그래프 신경망이 개념을 다듬고, LSTM이 경로를 하나씩 읽으며, 진술 벡터(질문 + 선택지를 읽은 우리 BERT)에 따라 움직이는 어텐션이 개념 쌍마다 경로에, 그리고 쌍들에 가중치를 줍니다. 아래에는 각 선택지의 점수가 BERT만 쓴 채점기의 점수 옆에 나오고, 고른 선택지의 스키마 그래프에서는 어텐션이 가장 크게 준 경로가 주황색으로 그려집니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="476"/>
        <source>Choices</source>
        <translation>선택지</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="482"/>
        <source>Ask</source>
        <translation>묻기</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="483"/>
        <source>A test question</source>
        <translation>테스트 질문 하나</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="484"/>
        <source>The next question of the commonsense task&apos;s test split (questions the model was not trained on)</source>
        <translation>상식 과제 테스트 분할의 다음 질문 (모델이 학습하지 않은 질문)</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="488"/>
        <source>Choice</source>
        <translation>선택지</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="488"/>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="522"/>
        <source>KagNET</source>
        <translation>KagNET</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="488"/>
        <source>BERT-only</source>
        <translation>BERT만</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="488"/>
        <source>Paths found / kept</source>
        <translation>찾은 경로 / 남긴 경로</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="494"/>
        <source>Weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="494"/>
        <source>Within pair</source>
        <translation>쌍 안에서</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="494"/>
        <source>TransE distance</source>
        <translation>TransE 거리</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="494"/>
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="507"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="511"/>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="530"/>
        <source>KagNET model folder</source>
        <translation>KagNET 모델 폴더</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="548"/>
        <source>No KagNET model chosen: train one with &apos;pretrainlab-cli kagnet train --out DIR&apos;.</source>
        <translation>KagNET 모델을 고르지 않았습니다. &apos;pretrainlab-cli kagnet train --out DIR&apos;로 하나 학습하세요.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="553"/>
        <source>Test accuracy on %1 commonsense questions (five choices, chance %2%): BERT-only %3%; KagNET %4% with the asked fact in the graph (path-length heuristic %5%), %6% with it hidden (heuristic %7%).</source>
        <translation>상식 질문 %1개에 대한 테스트 정확도 (5지선다, 우연 수준 %2%): BERT만 %3%; KagNET은 묻는 사실이 그래프에 있을 때 %4% (경로 길이 휴리스틱 %5%), 그 사실을 숨겼을 때 %6% (휴리스틱 %7%).</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="582"/>
        <source>Building the commonsense questions…</source>
        <translation>상식 질문을 만드는 중…</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="604"/>
        <source>Choose a KagNET model folder first (&apos;pretrainlab-cli kagnet train --out DIR&apos; writes one).</source>
        <translation>먼저 KagNET 모델 폴더를 고르세요 (&apos;pretrainlab-cli kagnet train --out DIR&apos;가 하나 만듭니다).</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="608"/>
        <source>Write a question and at least two choices.</source>
        <translation>질문 하나와 선택지를 두 개 이상 쓰세요.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="619"/>
        <source>Finding paths and scoring the choices…</source>
        <translation>경로를 찾고 선택지를 채점하는 중…</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="639"/>
        <source>No word of the question grounds to a concept of the graph: no path can start, KagNET scores on the statement alone.</source>
        <translation>질문의 어떤 단어도 그래프의 개념으로 연결되지 않습니다. 경로가 시작될 수 없어 KagNET은 진술만으로 채점합니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="640"/>
        <source>Question concepts: %1. KagNET picks &quot;%2&quot;, the BERT-only scorer &quot;%3&quot;. Select a choice to see its schema graph.</source>
        <translation>질문 개념: %1. KagNET은 &quot;%2&quot;, BERT만 쓴 채점기는 &quot;%3&quot;을 고릅니다. 선택지를 고르면 그 스키마 그래프가 보입니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="718"/>
        <source>Reading WordNet...</source>
        <translation>WordNet 읽는 중...</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="745"/>
        <source>&lt;i&gt;&apos;%1&apos; is not in WordNet under any part of speech, even after lemmatisation.&lt;/i&gt;</source>
        <translation>&lt;i&gt;&apos;%1&apos;은(는) 표제어로 바꾸어 보아도 어느 품사로도 WordNet에 없습니다.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="747"/>
        <source>No sense found.</source>
        <translation>뜻을 찾지 못했습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="750"/>
        <source>%n sense(s) of &apos;%1&apos;.</source>
        <translation>
            <numerusform>&apos;%1&apos;의 뜻 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="776"/>
        <source>Grounding...</source>
        <translation>연결하는 중...</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="798"/>
        <source>%1 (a name)</source>
        <translation>%1 (고유명)</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="802"/>
        <source>%1 of %2 words grounded in %3 mentions (first-listed senses).</source>
        <translation>단어 %2개 중 %1개가 언급 %3개로 연결되었습니다 (첫 번째 뜻).</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="827"/>
        <source>popularity in the relation</source>
        <translation>관계 안에서의 인기도</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="827"/>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="846"/>
        <source>Graph: %1 synsets grounded in Brown, %2 entities with their hypernyms, %3 relations; links: %4 train, %5 valid, %6 test (%7).</source>
        <translation>그래프: Brown에서 연결된 신셋 %1개, 상위어를 더한 개체 %2개, 관계 %3개. 링크: 학습 %4, 검증 %5, 테스트 %6 (%7).</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="871"/>
        <source>loaded from %1</source>
        <translation>%1에서 불러옴</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="872"/>
        <source>Loaded the embeddings in %1.</source>
        <translation>%1의 임베딩을 불러왔습니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="893"/>
        <source>Grounding the Brown text and building the graph, then training...</source>
        <translation>Brown 텍스트를 연결하고 그래프를 만든 뒤 학습하는 중...</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="903"/>
        <source>Epoch %1: loss %2</source>
        <translation>에포크 %1: 손실 %2</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="911"/>
        <source>trained now</source>
        <translation>방금 학습함</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="912"/>
        <source>Trained in %1 s and saved to %2.</source>
        <translation>%1초 동안 학습하여 %2에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="926"/>
        <source>Ranking every entity...</source>
        <translation>모든 개체의 순위를 매기는 중...</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="940"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/KnowledgePanel.cpp" line="943"/>
        <source>Ranked by distance ||h + r − t||; bold rows are links of the graph (train or held out).</source>
        <translation>거리 ||h + r − t||로 순위를 매겼습니다. 굵은 줄은 그래프의 링크입니다 (학습 또는 떼어 둔 것).</translation>
    </message>
</context>
<context>
    <name>ptl::ui::LayerMapView</name>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="37"/>
        <source>Click a student layer, then the teacher layer it should learn from</source>
        <translation>학생 층을 클릭한 뒤, 그 층이 배울 교사 층을 클릭하세요</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="82"/>
        <source>teacher</source>
        <translation>교사</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="83"/>
        <source>student</source>
        <translation>학생</translation>
    </message>
    <message>
        <location filename="../ui/distill/DistillPanel.cpp" line="96"/>
        <location filename="../ui/distill/DistillPanel.cpp" line="104"/>
        <source>layer %1</source>
        <translation>층 %1</translation>
    </message>
</context>
<context>
    <name>ptl::ui::LessonsPanel</name>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="51"/>
        <source>The language of the lessons (every lesson is written in Korean and English)</source>
        <translation>레슨의 언어 (모든 레슨은 한국어와 영어로 쓰여 있습니다)</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="56"/>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="287"/>
        <source>Show the answer</source>
        <translation>답 보기</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="60"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="60"/>
        <source>What it trains</source>
        <translation>학습하는 것</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="60"/>
        <source>In the store</source>
        <translation>저장소에</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="67"/>
        <source>Measured by your runs</source>
        <translation>내 실행으로 측정한 값</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="67"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="84"/>
        <source>your changes for every run, e.g. steps=1500 lr=1e-3 (empty: the lesson&apos;s own)</source>
        <translation>모든 실행에 줄 변경, 예: steps=1500 lr=1e-3 (비우면 레슨의 설정)</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="85"/>
        <source>Fields as in the configuration editor, key=value separated by spaces. Runs with changed settings are trained anew; the figures always come from the newest run of each.</source>
        <translation>설정 편집기의 필드를 key=value로, 빈칸으로 나누어 적습니다. 설정이 바뀐 실행은 새로 학습하며, 측정값은 언제나 각 실행의 가장 최근 것에서 나옵니다.</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="87"/>
        <source>Double-click a run to copy it into the configuration editor</source>
        <translation>실행을 두 번 클릭하면 설정 편집기로 복사됩니다</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="88"/>
        <source>Run the lesson</source>
        <translation>레슨 실행</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="89"/>
        <source>Train the lesson&apos;s runs (a run already completed in the store is reused), then measure the claim</source>
        <translation>레슨의 실행들을 학습하고(저장소에 이미 완료된 실행은 다시 씀) 주장을 측정합니다</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="90"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="92"/>
        <source>Open the view</source>
        <translation>화면 열기</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="93"/>
        <source>Show the view this lesson looks at, set up on its runs</source>
        <translation>이 레슨이 보는 화면을 레슨의 실행에 맞추어 엽니다</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="94"/>
        <source>Export for a class…</source>
        <translation>수업용으로 내보내기…</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="95"/>
        <source>A folder with the lesson&apos;s text, figures, curves (CSV and SVG), the view as PNG and a store of its runs</source>
        <translation>레슨의 글, 측정값, 곡선(CSV와 SVG), 화면 PNG, 레슨 실행만 담은 저장소를 한 폴더에 씁니다</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="105"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="120"/>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="156"/>
        <source>Cannot run the lesson</source>
        <translation>레슨을 실행할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="170"/>
        <source>Cannot copy the run</source>
        <translation>실행을 복사할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="194"/>
        <source>The lessons could not be read: %1</source>
        <translation>레슨을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="200"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="258"/>
        <source>This lesson cannot run: %1</source>
        <translation>이 레슨은 실행할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="268"/>
        <source>&lt;p&gt;No lesson to show.&lt;/p&gt;</source>
        <translation>&lt;p&gt;보여 줄 레슨이 없습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="287"/>
        <source>Hide the answer</source>
        <translation>답 숨기기</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="293"/>
        <source>not run yet</source>
        <translation>아직 실행 안 함</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="293"/>
        <source>run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="294"/>
        <source>waiting or training…</source>
        <translation>대기 또는 학습 중…</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="311"/>
        <source>Run the lesson: the verdict on the claim comes from the figures your runs measure, nothing is written in advance.</source>
        <translation>레슨을 실행하세요: 주장에 대한 판정은 내 실행이 측정한 값에서 나오며, 미리 적어 둔 값은 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/lessons/LessonsPanel.cpp" line="321"/>
        <source>&apos;%1&apos; is not key=value (for example steps=1500)</source>
        <translation>&apos;%1&apos;은(는) key=value 형식이 아닙니다 (예: steps=1500)</translation>
    </message>
</context>
<context>
    <name>ptl::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="48"/>
        <source>PretrainLab</source>
        <translation>PretrainLab</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="58"/>
        <source>Training curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="59"/>
        <source>Inside the model</source>
        <translation>모델 들여다보기</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="61"/>
        <source>Masking inspector</source>
        <translation>마스킹 들여다보기</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="63"/>
        <source>Replaced tokens (ELECTRA)</source>
        <translation>대체된 토큰 (ELECTRA)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="65"/>
        <source>Distillation</source>
        <translation>증류</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="67"/>
        <source>Fine-tuning</source>
        <translation>미세조정</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="69"/>
        <source>Generation</source>
        <translation>텍스트 생성</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="72"/>
        <source>Zero- and few-shot</source>
        <translation>제로샷과 퓨샷</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="74"/>
        <source>What it learns first</source>
        <translation>먼저 배우는 것</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="76"/>
        <source>Knowledge</source>
        <translation>지식</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="79"/>
        <source>Lessons</source>
        <translation>레슨</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="90"/>
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="91"/>
        <source>Configuration</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="92"/>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="107"/>
        <source>Run store: %1</source>
        <translation>실행 저장소: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="113"/>
        <source>Starting %1 (%2, %3 steps)…</source>
        <translation>%1 시작 (%2, %3 스텝)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="117"/>
        <source>Starting %1 (%2, %3 steps) from the teacher %4…</source>
        <translation>교사 %4에서 %1 시작 (%2, %3 스텝)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="124"/>
        <source>Starting %1 (%2, %3 steps) from %4…</source>
        <translation>%4에서 %1 시작 (%2, %3 스텝)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="127"/>
        <source>random weights</source>
        <translation>무작위 가중치</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="133"/>
        <source>Copy the run</source>
        <translation>실행 복사</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="134"/>
        <source>The lesson&apos;s run is in the configuration editor; change it and press Start.</source>
        <translation>레슨의 실행을 설정 편집기에 넣었습니다. 바꾼 뒤 학습 시작을 누르세요.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="138"/>
        <source>Lesson %1: training its %2 runs (a run already completed in the store is reused)…</source>
        <translation>레슨 %1: 실행 %2개를 학습합니다(저장소에 이미 완료된 실행은 다시 씀)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="146"/>
        <source>Stopping the lesson after the current step…</source>
        <translation>현재 스텝이 끝나면 레슨을 멈춥니다…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="150"/>
        <source>Lesson %1: %2</source>
        <translation>레슨 %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="155"/>
        <source>Lesson %1 finished: its figures and verdict are in the Lessons tab.</source>
        <translation>레슨 %1 완료: 측정값과 판정은 레슨 탭에 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="156"/>
        <source>Lesson %1 %2%3</source>
        <translation>레슨 %1 %2%3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="161"/>
        <source>Export the lesson into a folder</source>
        <translation>레슨을 폴더로 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="165"/>
        <source>Export the lesson</source>
        <translation>레슨 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="166"/>
        <source>Lesson %1 exported to %2</source>
        <translation>레슨 %1을(를) %2에 내보냈습니다</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="169"/>
        <source>Run %1 started; checkpoints in %2</source>
        <translation>실행 %1 시작, 체크포인트 위치: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="182"/>
        <source>Checkpoint at step %1: %2</source>
        <translation>스텝 %1 체크포인트: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="185"/>
        <source>Run %1 %2%3</source>
        <translation>실행 %1 %2%3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="194"/>
        <source>Training %1</source>
        <translation>학습 %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="199"/>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="200"/>
        <source>Configuration copied into the editor; change it and press Start.</source>
        <translation>설정을 편집기에 복사했습니다. 고친 뒤 시작을 누르세요.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="203"/>
        <source>Resuming run %1 from its last checkpoint…</source>
        <translation>실행 %1을 마지막 체크포인트부터 이어서 학습합니다…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="247"/>
        <source>&amp;Start training</source>
        <translation>학습 시작(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="249"/>
        <source>Start a run with the configuration on the right (F5)</source>
        <translation>오른쪽 설정으로 실행을 시작합니다 (F5)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="250"/>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="252"/>
        <source>&amp;Resume</source>
        <translation>계속(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="254"/>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="256"/>
        <source>Stop within a step, with a final checkpoint: the run can be resumed (Shift+F5)</source>
        <translation>한 스텝 안에 멈추고 마지막 체크포인트를 씁니다. 나중에 이어서 학습할 수 있습니다 (Shift+F5)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="259"/>
        <source>Cannot start</source>
        <translation>시작할 수 없음</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="267"/>
        <source>Stopping after the current step…</source>
        <translation>현재 스텝을 마치고 멈춥니다…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="270"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="278"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="279"/>
        <source>&amp;Refresh runs</source>
        <translation>실행 목록 새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="282"/>
        <source>&amp;Export curves…</source>
        <translation>곡선 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="285"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="288"/>
        <source>Export curves</source>
        <translation>곡선 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="286"/>
        <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg);;CSV of what is shown (*.csv)</source>
        <translation>PNG 이미지 (*.png);;PDF (*.pdf);;SVG (*.svg);;보이는 데이터 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="291"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="295"/>
        <source>&amp;Training</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="298"/>
        <source>E&amp;xperiments</source>
        <translation>실험(&amp;X)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="299"/>
        <source>&amp;ELECTRA vs BERT at equal compute…</source>
        <translation>같은 계산량에서 ELECTRA 대 BERT(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="300"/>
        <source>Train BERT-tiny (MLM) and ELECTRA-tiny with the same FLOPs and compare their encoders</source>
        <translation>BERT-tiny (MLM)와 ELECTRA-tiny를 같은 FLOPs로 학습하고 인코더를 비교합니다</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="303"/>
        <source>&amp;Lessons</source>
        <translation>레슨(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="305"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="312"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="315"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="318"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="326"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="326"/>
        <source>The language changes when PretrainLab starts next time.</source>
        <translation>PretrainLab을 다음에 시작할 때 언어가 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="330"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="331"/>
        <source>&amp;About PretrainLab</source>
        <translation>PretrainLab 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="352"/>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="358"/>
        <source>run %1 · step %2/%3 · loss %4</source>
        <translation>실행 %1 · 스텝 %2/%3 · 손실 %4</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="359"/>
        <source>%1 tokens/s</source>
        <translation>초당 토큰 %1개</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="361"/>
        <source>ETA %1:%2</source>
        <translation>남은 시간 %1:%2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="362"/>
        <source>%1 · %2 threads</source>
        <translation>%1 · 스레드 %2개</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="391"/>
        <source>Equal-compute experiment finished. %1</source>
        <translation>같은 계산량 실험이 끝났습니다. %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="392"/>
        <source>The equal-compute experiment did not complete.</source>
        <translation>같은 계산량 실험이 완료되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="415"/>
        <source>The lesson has not run yet: press Run the lesson to fill this view with its runs.</source>
        <translation>레슨을 아직 실행하지 않았습니다: &apos;레슨 실행&apos;을 누르면 이 화면이 레슨의 실행으로 채워집니다.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="479"/>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="503"/>
        <source>Training is running</source>
        <translation>학습이 진행 중입니다</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="504"/>
        <source>Stop the run and close? It stops after the current step with a final checkpoint, and can be resumed later from the Runs panel.</source>
        <translation>실행을 멈추고 닫을까요? 현재 스텝을 마친 뒤 마지막 체크포인트를 쓰고 멈추며, 나중에 실행 목록에서 이어서 학습할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="512"/>
        <source>Stopping the run…</source>
        <translation>실행을 멈추는 중…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="523"/>
        <source>About PretrainLab</source>
        <translation>PretrainLab 정보</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="524"/>
        <source>&lt;h3&gt;PretrainLab %1&lt;/h3&gt;&lt;p&gt;A workbench for seeing inside transformer pre-training: BERT, GPT, ALBERT and ELECTRA on an ordinary CPU.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PretrainLab %1&lt;/h3&gt;&lt;p&gt;트랜스포머 사전 학습의 내부를 들여다보는 작업대: 평범한 CPU에서 BERT, GPT, ALBERT, ELECTRA를 학습합니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ptl::ui::MaskingPanel</name>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="46"/>
        <source>whole words</source>
        <translation>단어 단위</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="49"/>
        <source>ALBERT&apos;s n-gram masking: spans of up to n words, p(n) ∝ 1/n</source>
        <translation>ALBERT의 n-gram 마스킹: 최대 n개 단어 구간, p(n) ∝ 1/n</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="53"/>
        <source>Re-roll</source>
        <translation>다시 뽑기</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="54"/>
        <source>follow the training batch</source>
        <translation>학습 배치 따라가기</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="55"/>
        <source>Show the masking decisions of the running job&apos;s current batch instead of the text above</source>
        <translation>위 텍스트 대신 실행 중인 학습의 현재 배치에 대한 마스킹 결정을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="68"/>
        <source>Mask rate</source>
        <translation>마스킹 비율</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="70"/>
        <source>[MASK]</source>
        <translation>[MASK]</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="72"/>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="75"/>
        <source>n-gram ≤</source>
        <translation>n-gram ≤</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="77"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="82"/>
        <source>&lt;span style=&apos;background:#9ec5fe&apos;&gt;&amp;nbsp;→ [MASK]&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#ffc07a&apos;&gt;&amp;nbsp;→ random token&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#a8e6a1&apos;&gt;&amp;nbsp;kept&amp;nbsp;&lt;/span&gt; not selected</source>
        <translation>&lt;span style=&apos;background:#9ec5fe&apos;&gt;&amp;nbsp;→ [MASK]&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#ffc07a&apos;&gt;&amp;nbsp;→ 무작위 토큰&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#a8e6a1&apos;&gt;&amp;nbsp;그대로 둠&amp;nbsp;&lt;/span&gt; 선택되지 않음</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="155"/>
        <source>Training batch of run %1 at step %2 (its first sequence), with the predictions of the model being trained.</source>
        <translation>실행 %1의 스텝 %2 학습 배치 (첫 시퀀스)와 학습 중인 모델의 예측.</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="169"/>
        <source>Your text, masked with the seed above; predictions from the opened model.</source>
        <translation>입력한 텍스트를 위 시드로 마스킹했습니다. 예측은 열린 모델에서 나옵니다.</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="202"/>
        <source>Selected %1 of %2 candidates (expected %3): [MASK] %4 (expected %5), random %6 (expected %7), kept %8 (expected %9); mean loss at the selected positions %10</source>
        <translation>후보 %2개 중 %1개 선택 (기댓값 %3): [MASK] %4 (기댓값 %5), 무작위 %6 (기댓값 %7), 그대로 %8 (기댓값 %9). 선택 위치의 평균 손실 %10</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>position</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>original</source>
        <translation>원래 토큰</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>model sees</source>
        <translation>모델 입력</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>decision</source>
        <translation>결정</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>model&apos;s top-5</source>
        <translation>모델의 상위 5개</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="222"/>
        <source>→ [MASK]</source>
        <translation>→ [MASK]</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="222"/>
        <source>→ random</source>
        <translation>→ 무작위</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="222"/>
        <source>kept</source>
        <translation>그대로 둠</translation>
    </message>
</context>
<context>
    <name>ptl::ui::ModelView</name>
    <message>
        <location filename="../ui/attention/AttentionViews.cpp" line="223"/>
        <source>L%1</source>
        <translation>L%1</translation>
    </message>
    <message>
        <location filename="../ui/attention/AttentionViews.cpp" line="227"/>
        <source>H%1</source>
        <translation>H%1</translation>
    </message>
</context>
<context>
    <name>ptl::ui::ReplacedPanel</name>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="177"/>
        <source>Training batch</source>
        <translation>학습 배치</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="178"/>
        <source>What the discriminator saw in the first sequence of a training batch, from the run&apos;s stored snapshots</source>
        <translation>실행에 저장된 스냅샷에서, 학습 배치의 첫 시퀀스를 판별자가 어떻게 보았는지</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="179"/>
        <source>Typed text</source>
        <translation>입력한 텍스트</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="186"/>
        <source>Scrub through the run&apos;s snapshots: how the discriminator&apos;s view changed while it trained</source>
        <translation>실행의 스냅샷을 훑어보세요: 학습하는 동안 판별자의 판단이 어떻게 바뀌었는지</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="187"/>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="337"/>
        <source>Pick an ELECTRA run in the Runs panel</source>
        <translation>실행 패널에서 ELECTRA 실행을 고르세요</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="188"/>
        <source>follow live</source>
        <translation>실시간 따라가기</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="192"/>
        <source>corrupt with the generator</source>
        <translation>생성자로 오염시키기</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="193"/>
        <source>score as typed</source>
        <translation>입력 그대로 채점</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="194"/>
        <source>Corrupt: mask 15% as in training and let the generator fill them in. As typed: no masking; swap a word yourself and see whether the discriminator notices.</source>
        <translation>오염: 학습 때처럼 15%를 마스킹하고 생성자가 채워 넣게 합니다. 입력 그대로: 마스킹 없이, 직접 단어를 바꿔 보고 판별자가 알아채는지 확인합니다.</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="199"/>
        <source>seed </source>
        <translation>시드 </translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="200"/>
        <source>Re-roll</source>
        <translation>다시 뽑기</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="201"/>
        <source>Open ELECTRA checkpoint…</source>
        <translation>ELECTRA 체크포인트 열기…</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="202"/>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="274"/>
        <source>no model open</source>
        <translation>열린 모델 없음</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="209"/>
        <source>&lt;b&gt;Fill&lt;/b&gt;: the discriminator&apos;s P(replaced), white 0 → red 1; the bar under each token is the same number, the black tick the decision threshold. &lt;b style=&apos;color:#1565c0&apos;&gt;Blue text&lt;/b&gt;: the generator wrote this token (&quot;was …&quot; gives the original; &quot;same&quot; means it sampled the original back, which counts as original). &lt;b&gt;Outline&lt;/b&gt;: &lt;span style=&apos;color:#2e7d32&apos;&gt;solid green&lt;/span&gt; a right call, &lt;span style=&apos;color:#c62828&apos;&gt;dashed red&lt;/span&gt; a wrong one. Hover a token for its numbers.</source>
        <translation>&lt;b&gt;채움&lt;/b&gt;: 판별자의 P(대체됨), 흰색 0 → 빨강 1; 각 토큰 아래 막대도 같은 값이고, 검은 눈금이 결정 임계값입니다. &lt;b style=&apos;color:#1565c0&apos;&gt;파란 글자&lt;/b&gt;: 생성자가 쓴 토큰 (&quot;원래 …&quot;는 원래 토큰, &quot;같음&quot;은 원래 토큰을 다시 뽑았다는 뜻으로 원래 토큰으로 셉니다). &lt;b&gt;테두리&lt;/b&gt;: &lt;span style=&apos;color:#2e7d32&apos;&gt;초록 실선&lt;/span&gt;은 맞은 판단, &lt;span style=&apos;color:#c62828&apos;&gt;빨간 점선&lt;/span&gt;은 틀린 판단. 토큰 위에 마우스를 올리면 수치가 나옵니다.</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="221"/>
        <source>P(replaced)</source>
        <translation>P(대체됨)</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="222"/>
        <source>share of the class&apos;s tokens</source>
        <translation>클래스 안에서의 토큰 비율</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="265"/>
        <source>Open an ELECTRA checkpoint folder</source>
        <translation>ELECTRA 체크포인트 폴더 열기</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="275"/>
        <source>Could not open the checkpoint: %1</source>
        <translation>체크포인트를 열 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="279"/>
        <source>Typed text, corrupted by the generator (seed %1)</source>
        <translation>입력한 텍스트를 생성자가 오염시킴 (시드 %1)</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="280"/>
        <source>Typed text, scored as typed: no ground truth, so no right/wrong outlines</source>
        <translation>입력한 텍스트를 그대로 채점: 정답이 없으므로 맞음/틀림 테두리도 없습니다</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="296"/>
        <source>Run %1 has no replaced-token snapshots (it is not an ELECTRA run, or it has not probed yet)</source>
        <translation>실행 %1에는 대체 토큰 스냅샷이 없습니다 (ELECTRA 실행이 아니거나 아직 프로브하지 않았습니다)</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="297"/>
        <source>Pick an ELECTRA run in the Runs panel, or start one (presets electra-tiny, electra-mini).</source>
        <translation>실행 패널에서 ELECTRA 실행을 고르거나 새로 시작하세요 (프리셋 electra-tiny, electra-mini).</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="337"/>
        <source>Run %1: no snapshots</source>
        <translation>실행 %1: 스냅샷 없음</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="358"/>
        <source>snapshot %1 of %2</source>
        <translation>스냅샷 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="370"/>
        <source>snapshot %1 of %2 · step %3</source>
        <translation>스냅샷 %1 / %2 · 스텝 %3</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="372"/>
        <source>Run %1, step %2: the first sequence of the training batch; the histogram and scores cover the whole batch</source>
        <translation>실행 %1, 스텝 %2: 학습 배치의 첫 시퀀스; 히스토그램과 점수는 배치 전체에 대한 것입니다</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="380"/>
        <source>opening…</source>
        <translation>여는 중…</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="410"/>
        <source>Open an ELECTRA checkpoint (or pick an ELECTRA run that has one) to score typed text.</source>
        <translation>입력한 텍스트를 채점하려면 ELECTRA 체크포인트를 여세요 (또는 체크포인트가 있는 ELECTRA 실행을 고르세요).</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="444"/>
        <source>original tokens</source>
        <translation>원래 토큰</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="444"/>
        <source>tokens</source>
        <translation>토큰</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="445"/>
        <source>replaced tokens</source>
        <translation>대체된 토큰</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="458"/>
        <source>Over %1 tokens (%2 replaced, %3): accuracy %4 · precision %5 · recall %6 · F1 %7 · AUC %8. Answering &quot;original&quot; everywhere would score %9.</source>
        <translation>토큰 %1개 (대체 %2개, %3) 기준: 정확도 %4 · 정밀도 %5 · 재현율 %6 · F1 %7 · AUC %8. 모두 &quot;원래&quot;라고 답하면 %9입니다.</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="467"/>
        <source>%1 tokens scored as typed; P(replaced) above the threshold marks what the discriminator finds out of place.</source>
        <translation>입력 그대로 토큰 %1개를 채점했습니다. 임계값을 넘는 P(대체됨)은 판별자가 어색하다고 보는 토큰입니다.</translation>
    </message>
</context>
<context>
    <name>ptl::ui::ReplacedTokensView</name>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="69"/>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="127"/>
        <source>was %1</source>
        <translation>원래 %1</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="69"/>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="127"/>
        <source>same</source>
        <translation>같음</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="143"/>
        <source>Nothing to show yet: train an ELECTRA run, pick one in the Runs panel, or type a text.</source>
        <translation>아직 보여 줄 것이 없습니다: ELECTRA 실행을 학습하거나, 실행 패널에서 고르거나, 텍스트를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="154"/>
        <source>Original: %1</source>
        <translation>원래: %1</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="155"/>
        <source>Generator wrote: %1</source>
        <translation>생성자가 쓴 토큰: %1</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="156"/>
        <source>P(replaced) = %1 (threshold %2)</source>
        <translation>P(대체됨) = %1 (임계값 %2)</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="159"/>
        <source>Truth: %1 · call: %2 · %3</source>
        <translation>정답: %1 · 판단: %2 · %3</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="160"/>
        <source>replaced</source>
        <translation>대체됨</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="160"/>
        <source>original</source>
        <translation>원래</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="161"/>
        <source>right</source>
        <translation>맞음</translation>
    </message>
    <message>
        <location filename="../ui/electra/ReplacedPanel.cpp" line="161"/>
        <source>wrong</source>
        <translation>틀림</translation>
    </message>
</context>
<context>
    <name>ptl::ui::RunsModel</name>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="126"/>
        <source>Distilled from run %1 (%2)</source>
        <translation>실행 %1에서 증류함 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="127"/>
        <source>Distilled from %1</source>
        <translation>%1에서 증류함</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="52"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="53"/>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="54"/>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="55"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="56"/>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="57"/>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="58"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="77"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="78"/>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="79"/>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="135"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="136"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="137"/>
        <source>Model · objective</source>
        <translation>모델 · 학습 목표</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="140"/>
        <source>Last eval loss</source>
        <translation>최근 평가 손실</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="141"/>
        <source>Best eval loss</source>
        <translation>최저 평가 손실</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="142"/>
        <source>Created (UTC)</source>
        <translation>생성 시각 (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="143"/>
        <source>Training time</source>
        <translation>학습 시간</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="138"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="139"/>
        <source>Steps</source>
        <translation>스텝</translation>
    </message>
</context>
<context>
    <name>ptl::ui::RunsPanel</name>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="62"/>
        <source>Filter runs…</source>
        <translation>실행 거르기…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="65"/>
        <source>All statuses</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="98"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="103"/>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="150"/>
        <source>Cannot read the run store: %1</source>
        <translation>실행 저장소를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="152"/>
        <source>No runs yet. Pick a preset in Configuration and press Start.</source>
        <translation>아직 실행이 없습니다. 설정에서 프리셋을 고르고 시작을 누르세요.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="154"/>
        <source>Runs in the store: %1</source>
        <translation>저장소의 실행 수: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="181"/>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="182"/>
        <source>Duplicate as new configuration</source>
        <translation>새 설정으로 복제</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="187"/>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="190"/>
        <source>Watch its attention history</source>
        <translation>어텐션 변화 살펴보기</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="191"/>
        <source>Inspect the last checkpoint</source>
        <translation>마지막 체크포인트 들여다보기</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="194"/>
        <location filename="../ui/runs/RunsPanel.cpp" line="197"/>
        <source>Inspect</source>
        <translation>들여다보기</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="194"/>
        <source>This run has no checkpoint yet.</source>
        <translation>이 실행에는 아직 체크포인트가 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="201"/>
        <source>Resume from the last checkpoint</source>
        <translation>마지막 체크포인트부터 이어서 학습</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="203"/>
        <source>Compare %1 runs</source>
        <translation>실행 %1개 비교</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="205"/>
        <source>Delete with checkpoints…</source>
        <translation>체크포인트와 함께 삭제…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="215"/>
        <location filename="../ui/runs/RunsPanel.cpp" line="221"/>
        <source>Rename run</source>
        <translation>실행 이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="215"/>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="230"/>
        <location filename="../ui/runs/RunsPanel.cpp" line="242"/>
        <source>Delete runs</source>
        <translation>실행 삭제</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="231"/>
        <source>Delete %1 run(s) with their metrics, snapshots and checkpoint folders? This cannot be undone.</source>
        <translation>실행 %1개를 지표, 스냅숏, 체크포인트 폴더와 함께 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ptl::ui::ScalingView</name>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="38"/>
        <source>Read the store again</source>
        <translation>저장소 다시 읽기</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="47"/>
        <location filename="../ui/fewshot/ScalingView.cpp" line="55"/>
        <source>non-embedding parameters N (log scale)</source>
        <translation>임베딩 제외 파라미터 수 N (로그 눈금)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="48"/>
        <source>held-out loss, nats (log scale)</source>
        <translation>홀드아웃 손실, nats (로그 눈금)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="56"/>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="64"/>
        <source>Size (layers × hidden, heads)</source>
        <translation>크기 (층 × 은닉, 헤드)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="64"/>
        <source>Non-embedding N</source>
        <translation>임베딩 제외 N</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="64"/>
        <source>Held-out loss</source>
        <translation>홀드아웃 손실</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="64"/>
        <source>÷ unigram</source>
        <translation>÷ 유니그램</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="64"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="65"/>
        <source>Zero-shot last word</source>
        <translation>제로샷 마지막 단어</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="65"/>
        <source>Capitals K=0</source>
        <translation>수도 K=0</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="65"/>
        <source>Capitals K=4</source>
        <translation>수도 K=4</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="65"/>
        <source>Minutes</source>
        <translation>분</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="65"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="69"/>
        <source>Ladder</source>
        <translation>크기 사다리</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="108"/>
        <source>%1, %2 steps a size (%3 sizes)</source>
        <translation>%1, 크기마다 %2 스텝 (%3개 크기)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="115"/>
        <source>The run store could not be read: %1</source>
        <translation>실행 저장소를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="126"/>
        <source>No model-size ladder in the run store yet. &lt;code&gt;pretrainlab-cli experiment scaling --family gpt --steps 2000&lt;/code&gt; trains five sizes (0.1 M to 10.6 M non-embedding parameters) on the same tokens, one ordinary run each (about three hours on two cores; a stopped ladder resumes); they appear here as they finish.</source>
        <translation>실행 저장소에 아직 모델 크기 사다리가 없습니다. &lt;code&gt;pretrainlab-cli experiment scaling --family gpt --steps 2000&lt;/code&gt; 은 다섯 가지 크기(임베딩 제외 파라미터 0.1 M~10.6 M)를 같은 토큰으로 각각 보통의 실행 하나씩 학습합니다 (2코어에서 약 3시간, 멈춘 사다리는 이어서 학습). 끝나는 대로 여기에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="149"/>
        <source>held-out next-token loss of each size</source>
        <translation>크기별 홀드아웃 다음 토큰 손실</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="149"/>
        <source>held-out MLM loss of each size</source>
        <translation>크기별 홀드아웃 MLM 손실</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="166"/>
        <source>fitted power law L = (N_c / N)^α, α = %1 (R² %2)</source>
        <translation>맞춘 거듭제곱 법칙 L = (N_c / N)^α, α = %1 (R² %2)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="170"/>
        <source>Kaplan et al. (2020)&apos;s slope, α = 0.076</source>
        <translation>Kaplan 외 (2020)의 기울기, α = 0.076</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="189"/>
        <source>zero-shot last word (LAMBADA-style)</source>
        <translation>제로샷 마지막 단어 (LAMBADA 방식)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="190"/>
        <source>capitals, 4 choices, K = 0</source>
        <translation>수도, 4지선다, K = 0</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="191"/>
        <source>capitals, 4 choices, K = 4</source>
        <translation>수도, 4지선다, K = 4</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="202"/>
        <source>chance on capitals (25%)</source>
        <translation>수도 문제의 우연 수준 (25%)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="219"/>
        <source>%1 × %2, %3 heads</source>
        <translation>%1 × %2, 헤드 %3개</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="228"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="234"/>
        <source>&lt;b&gt;α = %1&lt;/b&gt; over %2 sizes. %3</source>
        <translation>&lt;b&gt;α = %1&lt;/b&gt; (%2개 크기). %3</translation>
    </message>
    <message>
        <location filename="../ui/fewshot/ScalingView.cpp" line="235"/>
        <source> Every size trained for the same %1 steps on the same tokens; the loss is each run&apos;s last held-out evaluation.</source>
        <translation> 모든 크기는 같은 토큰으로 같은 %1 스텝 동안 학습했습니다. 손실은 각 실행의 마지막 홀드아웃 평가입니다.</translation>
    </message>
</context>
<context>
    <name>ptl::ui::SchemaGraphView</name>
    <message>
        <location filename="../ui/knowledge/SchemaGraphView.cpp" line="122"/>
        <source>question concepts</source>
        <translation>질문 개념</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/SchemaGraphView.cpp" line="122"/>
        <source>choice concepts</source>
        <translation>선택지 개념</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/SchemaGraphView.cpp" line="122"/>
        <source>hop %1</source>
        <translation>%1홉</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/SchemaGraphView.cpp" line="126"/>
        <source>No concept to draw.</source>
        <translation>그릴 개념이 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/SchemaGraphView.cpp" line="177"/>
        <source>No path of at most 3 hops joins these concepts: KagNET scores this choice from the statement and the concept vectors alone.</source>
        <translation>3홉 이하의 경로가 이 개념들을 잇지 않습니다. KagNET은 이 선택지를 진술과 개념 벡터만으로 채점합니다.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/SchemaGraphView.cpp" line="182"/>
        <source>the %1 paths with the most attention of %2</source>
        <translation>경로 %2개 중 어텐션이 가장 큰 %1개</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/SchemaGraphView.cpp" line="192"/>
        <source>question concept</source>
        <translation>질문 개념</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/SchemaGraphView.cpp" line="192"/>
        <source>choice concept</source>
        <translation>선택지 개념</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/SchemaGraphView.cpp" line="192"/>
        <source>on a path</source>
        <translation>경로 위</translation>
    </message>
</context>
<context>
    <name>ptl::ui::TrainingWorker</name>
    <message>
        <location filename="../ui/worker/TrainingController.cpp" line="43"/>
        <source>Cannot write the job for the processes to %1.</source>
        <translation>프로세스들에 넘길 작업 설정을 %1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/worker/TrainingController.cpp" line="52"/>
        <source>Cannot start %1 for %2 processes: %3. It is built beside the workbench (make build).</source>
        <translation>프로세스 %2개를 띄울 %1을(를) 시작할 수 없습니다: %3. 워크벤치와 같은 곳에 빌드됩니다(make build).</translation>
    </message>
    <message>
        <location filename="../ui/worker/TrainingController.cpp" line="131"/>
        <source>pretrainlab-cli ended with status %1 before the run was recorded.</source>
        <translation>실행이 기록되기 전에 pretrainlab-cli가 상태 %1(으)로 끝났습니다.</translation>
    </message>
</context>
</TS>
